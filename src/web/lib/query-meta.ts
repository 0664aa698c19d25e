/**
 * What a mutation tells the app-wide error handling (see app/query-client.ts):
 * `errorsShownInForm` — the component shows the error itself (field errors, login message),
 * so no notification is raised.
 */
declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { errorsShownInForm?: boolean };
  }
}

export {};
