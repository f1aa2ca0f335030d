// The components' one stylesheet, shared by every shadow root. Sites theme it through the
// --porchlight-* custom properties (they inherit into the shadow root) and ::part(); the
// private --_* ones below only give each a default. Light or dark follows the visitor's
// setting (`color-scheme: light dark`, so Canvas and light-dark() switch), unless the element
// says `theme="light"` or `theme="dark"`. Text keeps 4.5:1 against its background in both
// schemes with the default accent (WCAG 1.4.3): a pressed button, on the accent's own tint, takes
// the text colour. Nothing floats over the controls: a message shows in the flow, next to the
// action it is about (`.note`) or after the view (`.status`). The bell is as large signed out
// (empty) as signed in, so a site's nav does not move when it appears. Written compact: it
// ships in every page's bundle.

/**
 * The stylesheet of every component's shadow root.
 *
 * @example
 * sheet.replaceSync(css)
 */
export const css = `
:host{display:block;color-scheme:light dark;--_a:var(--porchlight-accent,light-dark(#b45309,#fbbf24));--_b:var(--porchlight-bg,Canvas);--_f:var(--porchlight-fg,CanvasText);--_e:var(--porchlight-error,light-dark(#b91c1c,#f87171));--_r:var(--porchlight-radius,6px);--_l:color-mix(in srgb,var(--_f) 22%,transparent);--_m:color-mix(in srgb,var(--_f) 70%,var(--_b));font-family:var(--porchlight-font,inherit);line-height:1.5}
:host([theme=light]){color-scheme:light}
:host([theme=dark]){color-scheme:dark}
:host([hidden]),[hidden]{display:none!important}
.root{background:var(--_b);color:var(--_f);border-radius:var(--_r)}
:host([theme]) .root{padding:1em}
h2{font-size:1.3em;margin:0 0 .5em;line-height:1.25}
h2:focus{outline:0}
p{margin:.5em 0}
a{color:var(--_a)}
small,.muted{color:var(--_m);font-size:.875em}
form{display:grid;gap:.75em;margin:.75em 0}
fieldset,label{display:grid;gap:.25em}
fieldset{border:0;margin:0;padding:0}
legend,label{font-weight:600}
label+small{margin-top:-.5em}
label.check{display:flex;gap:.5em;font-weight:400}
input,textarea,select{box-sizing:border-box;width:100%;padding:.5em .625em;border:1px solid var(--_l);border-radius:var(--_r);background:var(--_b);color:var(--_f);font:inherit}
input[type=radio],select{width:auto}
textarea{min-height:7em;resize:vertical}
button{font:inherit;font-weight:600;padding:.4em 1em;border:1px solid var(--_a);border-radius:var(--_r);background:var(--_a);color:var(--_b);cursor:pointer}
button.q,.actions button,.tools button{background:transparent;color:var(--_a);border-color:var(--_l)}
button.link{background:none;border:0;padding:0;color:var(--_a);text-decoration:underline;font-weight:400}
button[aria-pressed=true]{background:color-mix(in srgb,var(--_a) 18%,transparent);border-color:var(--_a);color:var(--_f)}
button:disabled,[aria-busy=true] button{opacity:.6;cursor:progress}
:focus-visible{outline:3px solid var(--_a);outline-offset:2px}
[aria-invalid=true]{border-color:var(--_e)}
[data-porchlight-error]{color:var(--_e);font-size:.875em;font-weight:400}
.status,.note{margin:.75em 0 0;padding:.5em .75em;border-left:4px solid var(--_a);background:var(--_b)}
.note{flex-basis:100%;box-sizing:border-box}
form>.note{margin:0}
.status:empty{display:none}
[data-state=error]{border-color:var(--_e)}
.row{display:flex;flex-wrap:wrap;gap:.5em;align-items:center}
.between{justify-content:space-between}
.threads,.menu ul{list-style:none;margin:0;padding:0}
.threads li,.threads a{font-weight:600;font-size:1.05em}
.badge{display:inline-block;font-size:.75em;font-weight:600;padding:0 .5em;margin-left:.5em;border:1px solid var(--_l);border-radius:99px;color:var(--_m);vertical-align:middle}
article:focus{outline:0;background:color-mix(in srgb,var(--_a) 8%,transparent)}
article.hidden .body{opacity:.6}
.actions{margin-top:.25em}
.actions button,.tools button{padding:.15em .6em;font-size:.875em}
.body{overflow-wrap:anywhere}
.body>:first-child{margin-top:0}
.body img{max-width:100%;height:auto}
.body pre{overflow:auto;padding:.5em;border-radius:var(--_r);background:color-mix(in srgb,var(--_f) 7%,transparent)}
.body blockquote{margin:.5em 0;padding-left:.75em;border-left:3px solid var(--_l);color:var(--_m)}
.preview{padding:.5em .75em;border:1px dashed var(--_l);border-radius:var(--_r);min-height:4em}
.panel{margin:.5em 0;padding:.75em;border:1px solid var(--_l);border-radius:var(--_r)}
:host(porchlight-notifications){display:inline-block;position:relative;min-width:2.25em;min-height:2.25em;vertical-align:middle}
:host(porchlight-notifications) .root{background:none}
:host(porchlight-notifications) .status,.status[data-near]{position:absolute;width:1px;height:1px;padding:0;border:0;overflow:hidden;clip-path:inset(50%)}
.bell{position:relative;display:flex;align-items:center;justify-content:center;box-sizing:border-box;width:2.25em;height:2.25em;padding:0;background:transparent;color:var(--_f);border-color:var(--_l)}
.bell svg{display:block}
.count{position:absolute;top:-.5em;right:-.6em;min-width:1.5em;padding:0 .3em;box-sizing:border-box;border-radius:99px;background:var(--_e);color:var(--_b);font-size:.7em;line-height:1.5em;text-align:center}
.menu{position:absolute;right:0;z-index:10;width:min(22em,90vw);margin-top:.5em;padding:.75em;background:var(--_b);color:var(--_f);border:1px solid var(--_l);border-radius:var(--_r);box-shadow:0 .5em 1.5em rgb(0 0 0/.2)}
.menu h2{font-size:1em;margin:0}
.menu .between{margin-bottom:.5em}
.menu li{padding:.5em 0;border-top:1px solid var(--_l)}
.menu li.unread a{font-weight:600}
.menu a{text-decoration:none;color:inherit;display:block}
.menu a:hover{color:var(--_a)}
`
