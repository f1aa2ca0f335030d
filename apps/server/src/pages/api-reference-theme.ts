// Our stylesheet over Swagger UI's, for /docs/api: only what makes its own colours readable.
// WCAG asks 4.5:1 between text and its background (1.4.3); the renderer's badges, links and
// buttons fall to 1.6–3.8:1, in its light theme mostly. Each colour below keeps the renderer's
// hue: darkened in its light theme, lightened in its dark one, and on the method badges the text
// turned dark.

/**
 * The stylesheet served at `/docs/api/theme.css`, after the renderer's.
 *
 * @example
 * html`<link rel="stylesheet" href="/docs/api/theme.css" />`
 */
export const apiReferenceTheme = `/* Porchlight: contrast fixes over swagger-ui.css */
html:not(.dark-mode) .swagger-ui .info .title small { background: #5b616e; }
html:not(.dark-mode) .swagger-ui .info .title small.version-stamp { background: #3d6b00; }
html:not(.dark-mode) .swagger-ui .info a { color: #1a5fb4; }
html:not(.dark-mode) .swagger-ui .btn.authorize { border-color: #137a4b; color: #137a4b; }
html:not(.dark-mode) .swagger-ui .btn.authorize svg { color: #137a4b; fill: #137a4b; }
html:not(.dark-mode) .swagger-ui .json-schema-2020-12-expand-deep-button { color: #595959; }
html:not(.dark-mode) .swagger-ui .parameter__in { color: #595959; }
/* White on the pastel method colours is 1.6–3.6:1; near-black on them is 5.2:1 or more. */
.swagger-ui .opblock .opblock-summary-method { color: #111; text-shadow: none; }
/* The dark theme leaves some table text in the light theme's dark grey. */
html.dark-mode .swagger-ui table td, html.dark-mode .swagger-ui table th { color: #e8e8e8; }
`
