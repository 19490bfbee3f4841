// The headers every page of the app is served with: one list for the desktop app's app://
// responses (src-main/app-assets.ts) and the web build's server (vite.web.config.ts).
// src-renderer/index.html repeats the policy in a meta tag, for a host that sends no headers;
// a meta tag cannot carry frame-ancestors, which is why the header matters.

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // http(s): the team server (a CouchDB URL the user enters); nothing else is fetched.
  "connect-src 'self' http: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // No other page may frame the app (clickjacking a label delete or an export).
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // For browsers older than frame-ancestors.
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
});
