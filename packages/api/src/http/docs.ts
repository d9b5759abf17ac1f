import { PROBLEM_CODES } from './problem.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const escapeHtml = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A schema reference as a link to its section, or its JSON type inline. */
function schemaLabel(schema: Json | undefined): string {
  if (!schema) return '';
  if (schema.$ref) {
    const name = String(schema.$ref).split('/').pop()!;
    return `<a href="#schema-${escapeHtml(name)}">${escapeHtml(name)}</a>`;
  }
  if (schema.enum) return schema.enum.map((v: unknown) => `<code>${escapeHtml(v)}</code>`).join(' | ');
  return `<code>${escapeHtml(schema.type ?? 'object')}</code>`;
}

function operationHtml(path: string, method: string, op: Json): string {
  const params = (op.parameters as Json[])
    .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : ''}</td><td>${schemaLabel(p.schema)} ${escapeHtml(p.description ?? '')}</td></tr>`)
    .join('');
  const body = op.requestBody ? `<p><b>Body</b> (${op.requestBody.required ? 'required' : 'optional'}): ${schemaLabel(op.requestBody.content['application/json'].schema)}</p>` : '';
  const responses = Object.entries(op.responses as Record<string, Json>)
    .map(([status, r]) => {
      const [type, media] = Object.entries((r.content ?? {}) as Record<string, Json>)[0] ?? [];
      return `<li><b>${status}</b> ${escapeHtml(r.description)} ${type ? `<small>${escapeHtml(type)}</small> ${schemaLabel(media.schema)}` : ''}</li>`;
    })
    .join('');
  return `<section class="op" id="${escapeHtml(op.operationId)}">
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op.summary)}${op['x-scope'] ? ` <span class="scope">scope: ${escapeHtml(op['x-scope'])}</span>` : ' <span class="scope">public</span>'}</p>
${op.description ? `<p class="d">${escapeHtml(op.description)}</p>` : ''}
${params ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr>${params}</table>` : ''}
${body}<ul>${responses}</ul></section>`;
}

/** A self-contained HTML page (no scripts, no CDN) rendering the OpenAPI document. */
export function docsPage(doc: Json): string {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = (op as Json).tags?.[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(path, method, op as Json)]);
    }
  }
  const nav = [...byTag.keys()].map((t) => `<a href="#tag-${t}">${t}</a>`).join(' · ');
  const ops = [...byTag].map(([tag, html]) => `<h2 id="tag-${tag}">${tag}</h2>${html.join('')}`).join('');
  const problems = Object.entries(PROBLEM_CODES)
    .map(([code, text]) => `<tr id="problem-${code}"><td><code>${code}</code></td><td>${escapeHtml(text)}</td></tr>`)
    .join('');
  const schemas = Object.entries(doc.components.schemas as Record<string, Json>)
    .map(([name, s]) => `<details id="schema-${escapeHtml(name)}"><summary><b>${escapeHtml(name)}</b> ${escapeHtml(s.description ?? '')}</summary><pre>${escapeHtml(JSON.stringify(s, null, 2))}</pre></details>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.info.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:0 auto;padding:1rem 1.5rem;color:#1d2430}
h1{margin-bottom:0}h2{border-bottom:2px solid #d7dde6;padding-top:1rem}
.op{border:1px solid #d7dde6;border-radius:6px;padding:.25rem 1rem;margin:1rem 0}
.m{display:inline-block;min-width:4.5em;text-align:center;border-radius:4px;color:#fff;font-size:.8em;padding:.1em .4em}
.get{background:#2f6fb0}.post{background:#2d8a4e}.put{background:#a86b12}.delete{background:#b03a2f}
.scope{font-size:.8em;background:#eef1f5;border-radius:4px;padding:.1em .4em}.d{color:#4a5568}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d7dde6;padding:.2em .5em;text-align:left;vertical-align:top}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:12px}code{font-size:.95em}
</style></head><body>
<h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>
<p>${escapeHtml(doc.info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${escapeHtml(doc.openapi)}). Auth: <code>Authorization: Bearer &lt;key&gt;</code>.</p>
<nav>${nav} · <a href="#problems">Problems</a> · <a href="#schemas">Schemas</a></nav>
${ops}
<h2 id="problems">Problems</h2><p>Errors are <code>application/problem+json</code> with a stable <code>code</code>:</p><table>${problems}</table>
<h2 id="schemas">Schemas</h2>${schemas}
</body></html>`;
}
