import { useTranslation } from "react-i18next";
import type { FilterProblem } from "~/shared/violations";

/** Filters from the URL that the list could not use, next to the filter form (the page answers 400). */
export function FilterProblems({ problems, labels }: { problems: FilterProblem[]; labels: Record<string, string> }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="form-errors" role="alert">
      <p className="m-0 font-medium">{t("errors.filterProblemsTitle")}</p>
      <ul className="m-0 mt-1 list-disc pl-5">
        {problems.map((problem) => (
          <li key={`${problem.field}:${problem.message}`}>
            {t("errors.filterProblem", {
              field: labels[problem.field] ?? problem.field,
              message: t(problem.message as "errors.invalidFilter", problem.values),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
