// Lets plain Node (with its built-in TypeScript type stripping) import the app's own modules,
// which use the bundler's conventions: the "@/" alias and extensionless relative imports.
const src = new URL("../src/", import.meta.url);
const hasExtension = /\.[cm]?[jt]sx?$/;

export async function resolve(specifier, context, next) {
  const mapped = specifier.startsWith("@/") ? new URL(specifier.slice(2), src).href : specifier;
  const relative = mapped.startsWith(".") || mapped.startsWith("file:");
  if (relative && !hasExtension.test(mapped)) {
    for (const suffix of [".ts", ".tsx", "/index.ts"]) {
      try {
        return await next(mapped + suffix, context);
      } catch {
        // try the next candidate
      }
    }
  }
  return next(mapped, context);
}
