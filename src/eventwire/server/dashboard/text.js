// Text with highlighted spans: triggers, actors, recipients, quotes, event sentences.
// Every value from the API goes through `esc` before it becomes HTML: names and
// sentences come from the coded texts, which anyone can write.
// Spans may nest or overlap, so the text is cut at every span edge and each piece
// gets the classes of all spans covering it.

export const QUADS = {
  1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
};

export function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
  })[c]);
}

export function highlight(text, spans) {
  const cuts = new Set([0, text.length]);
  const good = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  for (const s of good) { cuts.add(s.start); cuts.add(s.end); }
  const edges = [...cuts].sort((a, b) => a - b);
  let html = "";
  for (let i = 0; i < edges.length - 1; i++) {
    const [from, to] = [edges[i], edges[i + 1]];
    const over = good.filter((s) => s.start <= from && s.end >= to);
    const piece = esc(text.slice(from, to));
    if (!over.length) { html += piece; continue; }
    const classes = [...new Set(over.map((s) => s.cls))].join(" ");
    const ids = over.filter((s) => s.id).map((s) => s.id);
    const title = over.map((s) => s.title).filter(Boolean).join(" · ");
    html += `<mark class="${classes}"${ids.length ? ` data-event="${esc(ids[0])}"` : ""}`
      + `${title ? ` title="${esc(title)}"` : ""}>${piece}</mark>`;
  }
  return html;
}

// Where `needle` is in `text` at or after `from` (exact case first), or -1.
export function locate(text, needle, from = 0, until = text.length) {
  if (!needle) return -1;
  let at = text.indexOf(needle, from);
  if (at < 0 || at + needle.length > until) {
    at = text.toLowerCase().indexOf(needle.toLowerCase(), from);
  }
  return at >= 0 && at + needle.length <= until ? at : -1;
}

function partySpans(text, parties, cls, from, until) {
  const spans = [];
  for (const p of parties || []) {
    const at = locate(text, p.entity_text, from, until);
    if (at >= 0) spans.push({ start: at, end: at + p.entity_text.length, cls, title: partyLabel(p) });
  }
  return spans;
}

// The trigger, actor and recipient of an event within `text` between `from` and `until`.
export function eventSpans(text, ev, from = 0, until = text.length) {
  const spans = [...partySpans(text, ev.actor, "actor", from, until),
    ...partySpans(text, ev.recipient, "recipient", from, until)];
  const at = locate(text, ev.event_text, from, until);
  if (at >= 0) {
    spans.push({ start: at, end: at + ev.event_text.length, cls: "trigger", title: ev.event, id: ev.id });
  }
  return spans;
}

export function partyLabel(p) {
  const name = p.name || p.entity_text;
  const codes = [p.code, p.sector].filter(Boolean).join(" ");
  return codes ? `${name} (${codes})` : name;
}

export function parties(list) {
  return (list || []).map(partyLabel).join(", ") || "—";
}

export function eventCard(ev, { focus = false, docLink = true } = {}) {
  const sentence = highlight(ev.text, eventSpans(ev.text, ev));
  const where = ev.event_loc ? ` · ${esc(ev.event_loc.name)}` : "";
  const modes = ev.mode.length ? ` · ${esc(ev.mode.join(", "))}` : "";
  const link = docLink
    ? `<a href="#doc=${encodeURIComponent(ev.doc_id)}">${esc(ev.doc_id)}</a>` : "";
  const quad = esc(ev.quad_code);
  return `<div class="event-card q${quad}${focus ? " focus" : ""}" data-id="${esc(ev.id)}">
    <div class="event-head"><span class="badge q${quad}">${esc(ev.event)}</span>
      <strong>${esc(parties(ev.actor))}</strong> &rarr; ${esc(parties(ev.recipient))}</div>
    <div class="meta">${esc(ev.date || "no date")}${where}${modes} · intensity ${esc(ev.intensity)}
      · ${esc(QUADS[ev.quad_code])} ${link}</div>
    <blockquote>${sentence}</blockquote></div>`;
}

const LEGEND = `<p class="legend"><mark class="trigger">trigger</mark>
  <mark class="actor">actor</mark> <mark class="recipient">recipient</mark>
  <mark class="mention">actor mention</mark> <mark class="quote">quote</mark></p>`;

// A document (stored or just coded) with its events and quotes highlighted, and
// the events listed beside it. `selected` is the id of the event in focus.
export function documentView(doc, selected) {
  const text = doc.text || "";
  const spans = [];
  for (const q of doc.quotes || []) {
    spans.push({ start: q.start, end: q.end, cls: "quote",
      title: q.speaker ? `said by ${partyLabel(q.speaker)}` : "quote" });
  }
  for (const a of doc.actors || []) {
    for (const [start, end] of a.mentions || []) {
      spans.push({ start, end, cls: "mention", title: partyLabel(a) });
    }
  }
  for (const ev of doc.events || []) {
    const { start, end } = ev.text_info;
    if (ev.id === selected) {
      spans.push({ start, end, cls: "sentence" });
      spans.push(...eventSpans(text, ev, start, end));
    } else {
      const at = locate(text, ev.event_text, start, end);
      if (at >= 0) {
        spans.push({ start: at, end: at + ev.event_text.length, cls: "trigger", title: ev.event, id: ev.id });
      }
    }
  }
  const head = doc.title ? `<h2>${esc(doc.title)}</h2>` : "";
  const meta = [doc.doc_id, doc.date].filter(Boolean).map(esc).join(" · ");
  const events = (doc.events || []).map((ev) => eventCard(ev, { focus: ev.id === selected, docLink: false }));
  const quotes = (doc.quotes || []).map((q) => `<li><q>${esc(q.quote)}</q>
    <span class="muted">${q.speaker ? esc(partyLabel(q.speaker)) : "unknown speaker"}</span></li>`);
  return `<article class="card doc-text">${head}<div class="meta">${meta}</div>${LEGEND}
      <div class="text" id="doc-text">${highlight(text, spans)}</div></article>
    <aside class="card doc-side"><h3>${events.length} event${events.length === 1 ? "" : "s"}</h3>
      ${events.join("") || '<p class="muted">No events coded.</p>'}
      <h3>${quotes.length} quote${quotes.length === 1 ? "" : "s"}</h3><ul class="quotes">${quotes.join("")}</ul>
    </aside>`;
}

// The cluster an event belongs to: the other reports of the same real-world event,
// each with its outlet, linked to its document.
export function clusterView(cluster, eventId) {
  const others = (cluster.reports || []).filter((r) => r.id !== eventId);
  const sources = `${cluster.n_mentions} report${cluster.n_mentions === 1 ? "" : "s"} in `
    + `${cluster.n_documents} document${cluster.n_documents === 1 ? "" : "s"} from `
    + `${cluster.n_sources} source${cluster.n_sources === 1 ? "" : "s"}`;
  const items = others.map((r) => `<li class="report">
    <a href="#doc=${encodeURIComponent(r.doc_id)}">${esc(r.title || r.doc_id)}</a>
    <span class="muted">${esc(r.outlet || "unknown source")} · ${esc(r.date || "no date")}</span>
    <blockquote>${esc(r.sentence)}</blockquote></li>`);
  return `<h3>Same event</h3><p class="meta">${esc(sources)}</p>${items.length
    ? `<ul class="reports">${items.join("")}</ul>` : '<p class="muted">No other report of this event.</p>'}`;
}
