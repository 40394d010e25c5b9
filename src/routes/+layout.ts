// Packdesk is a client-only SPA: every page renders in the browser from local data.
export const ssr = false;
export const prerender = false;
