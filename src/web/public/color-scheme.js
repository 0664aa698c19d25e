// Mirrors Mantine's localStorage colour-scheme manager ("mantine-color-scheme-value", default "auto").
(() => {
  let scheme = 'auto';
  try {
    scheme = window.localStorage.getItem('mantine-color-scheme-value') || 'auto';
  } catch {}
  if (scheme === 'auto') {
    scheme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
})();
