// The dashboard: shared filters, one view at a time, every figure from the JSON API.
/* global gridjs */

import * as charts from "./charts.js";
import { clusterView, documentView, eventCard, esc, parties } from "./text.js";

const $ = (sel) => document.querySelector(sel);
const form = $("#filters");
const state = { view: "timeline", meta: null, cursors: [null], page: [], docId: null, grid: null };

function setStatus(message, isError = false) {
  const el = $("#status");
  el.textContent = message || "";
  el.classList.toggle("error", isError);
}

async function api(path, options = {}) {
  const response = await fetch(`/api/${path}`, options);
  const body = await response.json();
  if (!response.ok) {
    const err = body.error || {};
    throw new Error(`${err.parameter ? `${err.parameter}: ` : ""}${err.message || response.statusText}`);
  }
  return body;
}

// Fields of the filter bar that only some charts take, so they are passed one by one.
const PER_CHART = new Set(["interval", "count"]);

// The filter form as query parameters (empty fields left out).
function filterParams(extra = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (!PER_CHART.has(key) && String(value).trim()) params.set(key, String(value).trim());
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value !== null && value !== undefined && value !== "") params.set(key, value);
  }
  return params;
}

const interval = () => form.elements.interval.value;
const count = () => form.elements.count.value;

async function guarded(work) {
  try {
    setStatus("");
    await work();
  } catch (err) {
    setStatus(err.message, true);
  }
}

// -- views -----------------------------------------------------------------

async function showTimeline() {
  const by = $("#timeline-by").value;
  const [series, actors, dyads] = await Promise.all([
    api(`series?${filterParams({ interval: interval(), by, count: count() })}`),
    api(`rankings/actors?${filterParams({ limit: 12, count: count() })}`),
    api(`rankings/dyads?${filterParams({ limit: 12, count: count() })}`),
  ]);
  charts.timeline("chart-timeline", series.rows, by);
  charts.ranking("chart-actors", actors.actors, (r) => r.key, (r) => pickFilter("party", r.key));
  charts.ranking("chart-dyads", dyads.dyads, (r) => `${r.a} – ${r.b}`, (r) => {
    $("#dyad-a").value = r.a;
    $("#dyad-b").value = r.b;
    location.hash = "#dyad";
  });
}

async function showDyad() {
  const a = $("#dyad-a").value.trim().toUpperCase();
  const b = $("#dyad-b").value.trim().toUpperCase();
  if (!a || !b) return;
  const directed = $("#dyad-directed").checked;
  $("#dyad-arrow").innerHTML = directed ? "&rarr;" : "&harr;";
  const series = await api(`series?${filterParams({ a, b, directed, interval: interval(), by: "quad",
    count: count() })}`);
  charts.dyadCurve("chart-dyad", series.rows, `${a} and ${b}`);
}

async function showNetwork() {
  const [dyads, actors] = await Promise.all([
    api(`rankings/dyads?${filterParams({ limit: 80, count: count() })}`),
    api(`rankings/actors?${filterParams({ limit: 200, count: count() })}`),
  ]);
  charts.network("chart-network", dyads.dyads, actors.actors, (code) => pickFilter("party", code));
}

async function showMap() {
  const found = await api(`places?${filterParams({ limit: 3000 })}`);
  await charts.map("chart-map", found.places);
}

function pickFilter(name, value) {
  form.elements[name].value = value;
  refresh();
}

// -- event table -------------------------------------------------------------

const COLUMNS = [{ name: "id", hidden: true }, "Date", "Event", "Actor", "Recipient", "Trigger",
  "Place", "Document"];

function tableRows(events) {
  return events.map((e) => [e.id, e.date || "", e.event, parties(e.actor), parties(e.recipient),
    e.event_text, e.event_loc ? e.event_loc.name : "", e.doc_id]);
}

async function showEvents(resetPage = true) {
  if (resetPage) state.cursors = [null];
  const cursor = state.cursors[state.cursors.length - 1];
  const page = await api(`events?${filterParams({ limit: 20, cursor })}`);
  state.page = page.events;
  state.next = page.next_cursor;
  const first = (state.cursors.length - 1) * 20;
  $("#events-total").textContent = `(${page.total.toLocaleString()} match)`;
  $("#page-info").textContent = page.total
    ? `${first + 1}–${first + page.events.length} of ${page.total.toLocaleString()}` : "";
  $("#page-next").disabled = !page.next_cursor;
  $("#page-first").disabled = state.cursors.length === 1;
  for (const fmt of ["csv", "parquet"]) {
    $(`#download-${fmt}`).href = `/api/events/download?${filterParams({ format: fmt })}`;
  }
  if (!state.grid) {
    state.grid = new gridjs.Grid({ columns: COLUMNS, data: tableRows(state.page), sort: false,
      className: { table: "events" }, language: { noRecordsFound: "No events match the filters." } });
    state.grid.on("rowClick", (click, row) => {
      for (const tr of document.querySelectorAll("#events-table tr.selected")) tr.classList.remove("selected");
      click.target.closest("tr")?.classList.add("selected");
      guarded(() => showDetail(state.page.find((e) => e.id === row.cells[0].data)));
    });
    state.grid.render($("#events-table"));
  } else {
    state.grid.updateConfig({ data: tableRows(state.page) }).forceRender();
  }
}

async function showDetail(ev) {
  if (!ev) return;
  const box = $("#event-detail");
  box.innerHTML = `<h3>Source sentence</h3>${eventCard(ev)}`;
  await appendCluster(box, ev);
}

// The other reports of a stored event's cluster, added at the end of `box`; a box
// rendered again meanwhile drops the holder, so a late answer shows nowhere.
async function appendCluster(box, ev) {
  if (!ev) return;
  const holder = document.createElement("div");
  holder.className = "cluster";
  box.append(holder);
  const found = await api(`clusters/${encodeURIComponent(ev.cluster_id || ev.id)}`);
  holder.innerHTML = clusterView(found, ev.id);
}

// -- documents and coding ------------------------------------------------------

async function showDoc(selected) {
  const id = state.docId;
  if (!id) {
    $("#doc-body").innerHTML = '<p class="card muted">Open a document from the event table, or type its id.</p>';
    return;
  }
  $("#doc-id").value = id;
  const doc = await api(`documents/${encodeURIComponent(id)}`);
  renderDoc($("#doc-body"), doc, selected, true);
}

// `stored`: the document is in the corpus, so its selected event has a cluster to show.
function renderDoc(el, doc, selected, stored = false) {
  el.innerHTML = documentView(doc, selected);
  el.onclick = (e) => {
    const target = e.target.closest("[data-id], [data-event]");
    if (!target) return;
    renderDoc(el, doc, target.dataset.id || target.dataset.event, stored);
    el.querySelector(".sentence")?.scrollIntoView({ block: "center" });
  };
  const focused = (doc.events || []).find((ev) => ev.id === selected);
  if (stored && focused) guarded(() => appendCluster(el.querySelector(".doc-side"), focused));
}

async function codeStory(event) {
  event.preventDefault();
  const text = $("#code-text").value;
  if (!text.trim()) return setStatus("Paste a story first.", true);
  const button = $("#code-submit");
  button.disabled = true;
  button.textContent = "Coding…";
  await guarded(async () => {
    const body = { text };
    if ($("#code-date").value) body.date = $("#code-date").value;
    const doc = await api("code", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body) });
    renderDoc($("#code-body"), { ...doc, title: "Coded story" });
  });
  button.disabled = false;
  button.textContent = "Code it";
}

// -- routing -------------------------------------------------------------------

const VIEWS = { timeline: showTimeline, dyad: showDyad, network: showNetwork, map: showMap,
  events: () => showEvents(), doc: () => showDoc(), code: async () => {} };

function route() {
  const hash = location.hash.slice(1) || "timeline";
  const [view, arg] = hash.split("=");
  state.view = VIEWS[view] ? view : "timeline";
  if (state.view === "doc" && arg) state.docId = decodeURIComponent(arg);
  for (const el of document.querySelectorAll(".view")) el.classList.toggle("active", el.id === `view-${state.view}`);
  for (const a of document.querySelectorAll("#nav a")) a.classList.toggle("active", a.dataset.view === state.view);
  form.hidden = state.view === "doc" || state.view === "code";
  refresh();
}

function refresh() {
  return guarded(async () => {
    await VIEWS[state.view]();
    charts.resizeAll();
  });
}

let typing = null;
function onFilterInput(event) {
  clearTimeout(typing);
  typing = setTimeout(refresh, event.type === "input" ? 350 : 0);
}

async function start() {
  const meta = await api("meta");
  state.meta = meta;
  $("#corpus-info").textContent = `${meta.events.toLocaleString()} events · `
    + `${(meta.documents.ok || 0).toLocaleString()} documents`
    + (meta.first_day ? ` · ${meta.first_day} to ${meta.last_day}` : "");
  $("#country-codes").innerHTML = meta.countries.map((c) => `<option value="${esc(c.code)}">${esc(c.events)} events</option>`).join("");
  $("#f-event").innerHTML += meta.event_types.map((t) => `<option>${esc(t)}</option>`).join("");
  if (meta.busiest_dyad) {
    $("#dyad-a").value = meta.busiest_dyad.a;
    $("#dyad-b").value = meta.busiest_dyad.b;
  }
  form.addEventListener("input", onFilterInput);
  form.addEventListener("change", onFilterInput);
  form.addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  form.addEventListener("reset", () => setTimeout(refresh, 0));
  $("#timeline-by").addEventListener("change", refresh);
  for (const id of ["#dyad-a", "#dyad-b", "#dyad-directed"]) $(id).addEventListener("change", refresh);
  $("#page-next").addEventListener("click", () => {
    state.cursors.push(state.next);
    guarded(() => showEvents(false));
  });
  $("#page-first").addEventListener("click", () => guarded(() => showEvents(true)));
  $("#doc-form").addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#doc=${encodeURIComponent($("#doc-id").value.trim())}`;
  });
  $("#code-form").addEventListener("submit", codeStory);
  window.addEventListener("hashchange", route);
  window.addEventListener("resize", charts.resizeAll);
  route();
}

guarded(start);
