import { ActionIcon, Badge, Button, createTheme, Menu, Modal, NavLink, Table, Tooltip } from '@mantine/core';

/**
 * Dense and calm: small type (14px body, 13px controls), quiet borders, one accent.
 * Operations staff keep Tandem open all day next to other tools, so it should read like one of them.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 6, dark: 5 },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  focusRing: 'auto',
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SF Mono", "JetBrains Mono", Menlo, Consolas, monospace',
  fontSizes: {
    xs: '0.75rem',
    sm: '0.8125rem',
    md: '0.875rem',
    lg: '1rem',
    xl: '1.125rem',
  },
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.5rem', lineHeight: '1.3' },
      h2: { fontSize: '1.25rem', lineHeight: '1.35' },
      h3: { fontSize: '1.125rem', lineHeight: '1.4' },
      h4: { fontSize: '1rem', lineHeight: '1.45' },
      h5: { fontSize: '0.875rem', lineHeight: '1.5' },
    },
  },
  components: {
    ActionIcon: ActionIcon.extend({ defaultProps: { size: 'md' } }),
    Badge: Badge.extend({ defaultProps: { fw: 500, tt: 'none' } }),
    Button: Button.extend({ defaultProps: { size: 'sm' } }),
    Menu: Menu.extend({ defaultProps: { shadow: 'md', width: 240 } }),
    Modal: Modal.extend({
      defaultProps: {
        centered: true,
        overlayProps: { backgroundOpacity: 0.45, blur: 1 },
        // Mantine leaves the close button unnamed; screen readers should hear what it does.
        closeButtonProps: { 'aria-label': 'Close' },
      },
    }),
    NavLink: NavLink.extend({ styles: { root: { borderRadius: 'var(--mantine-radius-sm)' } } }),
    Table: Table.extend({ defaultProps: { fz: 'sm', horizontalSpacing: 'sm' } }),
    Tooltip: Tooltip.extend({ defaultProps: { fz: 'xs', openDelay: 200 } }),
  },
});
