// Remix's classic compiler runs these plugins over every CSS file it bundles.
export default {
  plugins: {
    "@tailwindcss/postcss": {},
  },
};
