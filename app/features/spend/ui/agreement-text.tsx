/** An agreement's text as signed, laid out: its title, its numbered clauses as headings, the rest as lines. */
export function AgreementText({ text, language }: { text: string; language: string }) {
  const [title, ...lines] = text.split("\n");
  return (
    <article className="card agreement-text" lang={language}>
      <h2>{title}</h2>
      {lines.map((line, index) =>
        /^\d+\.\s/.test(line) ? (
          <h3 key={index}>{line}</h3>
        ) : line.trim() ? (
          <p key={index} className="prewrap m-0">
            {line}
          </p>
        ) : null,
      )}
    </article>
  );
}
