// ECharts views: timeline, rankings, dyad curve, actor network and the offline map.
/* global echarts, topojson */

import { QUADS, esc } from "./text.js";

export const QUAD_COLOURS = { 1: "#4c9a6a", 2: "#1f6f43", 3: "#e0a040", 4: "#c0392b" };
const INTENSITY = ["#c0392b", "#e0a040", "#8fa3c4", "#6fb38a", "#1f6f43"];
const charts = new Map();

function chart(id) {
  let c = charts.get(id);
  if (!c) {
    c = echarts.init(document.getElementById(id), null, { renderer: "canvas" });
    charts.set(id, c);
  }
  return c;
}

export function resizeAll() {
  for (const c of charts.values()) c.resize();
}

function empty(id, message = "No events match the filters.") {
  chart(id).setOption({
    title: { text: message, left: "center", top: "middle", textStyle: { color: "#888", fontSize: 14 } },
    xAxis: [], yAxis: [], series: [],
  }, true);
}

// Stacked bars per period, one series per key (quad or event type).
export function timeline(id, rows, by) {
  if (!rows.length) return empty(id);
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  const index = new Map(rows.map((r) => [`${r.period}|${r.key}`, r.events]));
  chart(id).setOption({
    title: { show: false },
    tooltip: { trigger: "axis" },
    legend: { type: "scroll", top: 0 },
    grid: { left: 40, right: 20, top: 40, bottom: 60 },
    dataZoom: [{ type: "slider", bottom: 10 }],
    xAxis: { type: "category", data: periods },
    yAxis: { type: "value", name: "events", minInterval: 1 },
    series: keys.map((k) => ({
      name: by === "quad" ? `${k} ${QUADS[k]}` : k,
      type: "bar", stack: "all", barMaxWidth: 40,
      itemStyle: by === "quad" ? { color: QUAD_COLOURS[k] } : undefined,
      data: periods.map((p) => index.get(`${p}|${k}`) || 0),
    })),
  }, true);
}

// Horizontal bars: a ranking, longest on top; clicking a bar calls `onPick(row)`.
export function ranking(id, rows, label, onPick) {
  if (!rows.length) return empty(id);
  const top = rows.slice(0, 12).reverse();
  const c = chart(id);
  c.setOption({
    title: { show: false },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 110, right: 30, top: 10, bottom: 25 },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: top.map(label) },
    series: [{
      type: "bar", name: "events", data: top.map((r) => ({
        value: r.events,
        itemStyle: { color: intensityColour(r.intensity_mean) },
      })),
    }],
  }, true);
  c.off("click");
  c.on("click", (p) => onPick(top[p.dataIndex]));
}

export function intensityColour(value) {
  const v = Math.max(-10, Math.min(10, value ?? 0));
  return INTENSITY[Math.min(4, Math.floor((v + 10) / 4.0001))];
}

// The conflict–cooperation curve: events split up/down, mean intensity on its own axis.
export function dyadCurve(id, rows, title) {
  if (!rows.length) return empty(id, `No events between ${title}.`);
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const sum = (k, test) => periods.map((p) => rows
    .filter((r) => r.period === p && test(Number(r.key))).reduce((n, r) => n + r[k], 0));
  const coop = sum("events", (q) => q <= 2);
  const conflict = sum("events", (q) => q >= 3).map((n) => -n);
  const isum = sum("intensity_sum", () => true);
  const count = sum("events", () => true);
  chart(id).setOption({
    title: { show: false },
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 50, right: 50, top: 40, bottom: 60 },
    dataZoom: [{ type: "slider", bottom: 10 }],
    xAxis: { type: "category", data: periods },
    yAxis: [{ type: "value", name: "events", minInterval: 1 },
      { type: "value", name: "intensity", min: -10, max: 10, splitLine: { show: false } }],
    series: [
      { name: "cooperation", type: "bar", stack: "n", data: coop, itemStyle: { color: QUAD_COLOURS[2] } },
      { name: "conflict", type: "bar", stack: "n", data: conflict, itemStyle: { color: QUAD_COLOURS[4] } },
      { name: "mean intensity", type: "line", yAxisIndex: 1, smooth: true, symbolSize: 6,
        data: isum.map((s, i) => (count[i] ? +(s / count[i]).toFixed(2) : null)),
        lineStyle: { width: 3, color: "#243b6b" }, itemStyle: { color: "#243b6b" },
        markLine: { silent: true, symbol: "none", label: { show: false }, data: [{ yAxis: 0 }],
          lineStyle: { color: "#999" } } },
    ],
  }, true);
}

// Force-directed graph of the busiest dyads; node size by events.
export function network(id, dyads, actors, onPick) {
  if (!dyads.length) return empty(id);
  const size = new Map(actors.map((a) => [a.key, a.events]));
  const names = [...new Set(dyads.flatMap((d) => [d.a, d.b]))];
  const most = Math.max(...dyads.map((d) => d.events));
  const biggest = Math.max(1, ...names.map((n) => size.get(n) || 1));
  const c = chart(id);
  c.setOption({
    title: { show: false },
    tooltip: {
      formatter: (p) => (p.dataType === "edge"
        ? `${esc(p.data.source)} – ${esc(p.data.target)}: ${esc(p.data.events)} events, `
          + `mean intensity ${esc(p.data.mean)}`
        : `${esc(p.name)}: ${esc(size.get(p.name) || 0)} events`),
    },
    series: [{
      type: "graph", layout: "force", roam: true, draggable: true,
      force: { repulsion: 260, edgeLength: [60, 180], gravity: 0.08 },
      label: { show: true, position: "right" },
      data: names.map((n) => ({
        name: n, symbolSize: 12 + 34 * Math.sqrt((size.get(n) || 1) / biggest),
        itemStyle: { color: "#243b6b" },
      })),
      links: dyads.map((d) => ({
        source: d.a, target: d.b, events: d.events, mean: d.intensity_mean,
        lineStyle: { width: 1 + 7 * (d.events / most), color: intensityColour(d.intensity_mean), opacity: 0.85 },
      })),
      emphasis: { focus: "adjacency" },
    }],
  }, true);
  c.off("click");
  c.on("click", (p) => { if (p.dataType === "node") onPick(p.name); });
}

// Rings that cross the antimeridian (Russia, Fiji) would be drawn across the whole
// flat map; moving their western points east by 360 degrees keeps them in one piece.
function unwrapAntimeridian(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const ring of polygons.flat()) {
    const lons = ring.map((p) => p[0]);
    if (Math.max(...lons) - Math.min(...lons) > 180) {
      for (const p of ring) if (p[0] < 0) p[0] += 360;
    }
  }
}

let worldReady = null;

function loadWorld() {
  worldReady ??= fetch("vendor/countries-110m.json").then((r) => r.json()).then((topo) => {
    const geo = topojson.feature(topo, topo.objects.countries);
    geo.features = geo.features.filter((f) => f.properties.name !== "Antarctica");
    for (const f of geo.features) unwrapAntimeridian(f.geometry);
    echarts.registerMap("world", geo);
  });
  return worldReady;
}

// Event places on the packaged Natural Earth world map (no tile server).
export async function map(id, places) {
  await loadWorld();
  const most = Math.max(1, ...places.map((p) => p.events));
  chart(id).setOption({
    title: places.length ? { show: false }
      : { text: "No event places match the filters.", left: "center", top: 10, textStyle: { color: "#888", fontSize: 14 } },
    tooltip: {
      formatter: (p) => (p.seriesType === "scatter"
        ? `${esc(p.data.name)} (${esc(p.data.country || "?")}): ${esc(p.data.events)} events, `
          + `mean intensity ${esc(p.data.mean)}`
        : esc(p.name)),
    },
    visualMap: { type: "continuous", min: -10, max: 10, dimension: 2, left: 10, bottom: 10,
      text: ["cooperation", "conflict"], calculable: false, inRange: { color: INTENSITY } },
    geo: { map: "world", roam: true, top: 10, bottom: 10, itemStyle: { areaColor: "#eef1f5", borderColor: "#aab4c3" },
      emphasis: { itemStyle: { areaColor: "#dde4ee" }, label: { show: false } } },
    series: [{
      type: "scatter", coordinateSystem: "geo",
      data: places.map((p) => ({
        name: p.name, country: p.country_code, events: p.events, mean: p.intensity_mean,
        value: [p.lon, p.lat, p.intensity_mean],
      })),
      symbolSize: (v, p) => 6 + 24 * Math.sqrt(p.data.events / most),
      itemStyle: { opacity: 0.85, borderColor: "#333", borderWidth: 0.5 },
    }],
  }, true);
}
