// Dateline web UI: plain JavaScript, no build step, no external resources.
// Every piece of text from the store is inserted with text nodes (never
// innerHTML), so a story containing <script> shows it as text.
"use strict";

const view = document.getElementById("view");

// el builds an element: el("a", {href: "#/"}, "text", child, ...).
function el(tag, attrs, ...children) {
  const svg = ["svg", "circle", "line", "rect", "text", "g", "title", "path"].includes(tag);
  const e = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.setAttribute("class", v);
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    e.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return e;
}

function show(...nodes) {
  view.replaceChildren(...nodes.flat(Infinity).filter(n => n !== null && n !== undefined && n !== false));
  window.scrollTo(0, 0);
}

async function api(path) {
  const r = await fetch("api/" + path, {headers: {Accept: "application/json"}});
  const body = await r.json().catch(() => ({error: {code: "bad_response", message: "unreadable response"}}));
  if (!r.ok) throw new Error((body.error && body.error.message) || r.statusText);
  return body;
}

function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") p.set(k, v);
  const s = p.toString();
  return s ? "?" + s : "";
}

const link = (href, text, attrs) => el("a", Object.assign({href}, attrs || {}), text);
const badge = (text, cls) => el("span", {class: "badge " + (cls || "")}, text);
const meta = (...parts) => el("div", {class: "meta"}, parts.filter(Boolean).join(" · "));

function pager(page, base, params) {
  const div = el("div", {class: "pager"});
  const off = page.offset || 0;
  if (off > 0) div.append(link(base + qs(Object.assign({}, params, {offset: Math.max(0, off - page.limit)})), "← newer", {class: "prev"}));
  div.append(el("span", {class: "muted"}, page.total ? `${off + 1}–${off + page.items.length} of ${page.total}` : "nothing found"));
  if (off + page.items.length < page.total) div.append(link(base + qs(Object.assign({}, params, {offset: off + page.limit})), "older →", {class: "next"}));
  return div;
}

// ---- search ------------------------------------------------------------

async function searchView(params) {
  const q = params.get("q") || "";
  document.getElementById("q").value = q;
  const offset = params.get("offset") || "";
  const [stories, ents] = await Promise.all([
    api("stories" + qs({q, offset, limit: 20})),
    q ? api("entities" + qs({q, limit: 8})) : Promise.resolve(null),
  ]);
  const list = el("ul", {class: "results", id: "results"}, stories.items.map(s => el("li", {class: "story"},
    link("#/story/" + s.id, s.title || "(untitled)", {class: "title"}),
    meta(s.date, s.source, s.lang, s.copies > 1 ? s.copies + " copies" : ""),
    el("div", {class: "snippet"}, s.snippet))));
  const out = [el("h1", {}, q ? `Stories matching “${q}”` : "Latest stories")];
  if (ents && ents.items.length) {
    out.push(el("p", {id: "entity-matches"}, "Entities: ", ents.items.map((e, i) => [i ? ", " : "", link("#/entity/" + e.id, e.name), " ", badge(e.type)])));
  }
  out.push(list, pager(stories, "#/search", {q}));
  show(out);
}

// ---- story -------------------------------------------------------------

const LAYERS = [["entity", "Entities"], ["timex", "Times"], ["amount", "Amounts"], ["quote", "Quotes"], ["event", "Events"], ["dateline", "Dateline"]];

// annotations lists every span of every layer with its tooltip, in
// code-point offsets (as in the JSON record).
function annotations(st) {
  const rec = st.record;
  const global = Object.fromEntries(st.entities.map(e => [e.local, e]));
  const names = Object.fromEntries(rec.entities.map(e => [e.id, e.name]));
  const anns = [];
  for (const e of rec.entities) {
    const g = global[e.id];
    for (const m of e.mentions) {
      anns.push({s: m.start, e: m.end, layer: "entity", href: g ? "#/entity/" + g.entity : null,
        tip: `${e.type}: ${e.name}${e.kb ? " [" + e.kb.id + "]" : ""} (${m.kind})`});
    }
  }
  for (const t of rec.timexes) anns.push({s: t.start, e: t.end, layer: "timex", tip: `${t.type}: ${t.value}${t.mod ? " " + t.mod : ""}`});
  for (const a of rec.amounts) anns.push({s: a.start, e: a.end, layer: "amount", tip: `${a.value} ${a.unit}${a.counted ? " (" + a.counted + ")" : ""}`});
  for (const q of rec.quotes) {
    anns.push({s: q.start, e: q.end, layer: "quote", tip: `${q.kind} quote by ${(q.speaker && names[q.speaker]) || q.speaker_text || "unknown"}`});
  }
  for (const ev of rec.events) {
    anns.push({s: ev.trigger.start, e: ev.trigger.end, layer: "event",
      tip: `${ev.type} (${ev.status})${ev.time ? " " + ev.time.value : ""}`});
  }
  if (rec.dateline) anns.push({s: rec.dateline.start, e: rec.dateline.end, layer: "dateline", tip: "dateline" + (rec.dateline.date ? ": " + rec.dateline.date : "")});
  return anns.filter(a => a.e > a.s);
}

function highlighted(st, mark) {
  const cps = Array.from(st.record.text); // code points, as the offsets
  const anns = annotations(st);
  if (mark) anns.push({s: mark[0], e: mark[1], layer: "mark", tip: "evidence"});
  const cuts = new Set([0, cps.length]);
  for (const a of anns) { cuts.add(Math.min(a.s, cps.length)); cuts.add(Math.min(a.e, cps.length)); }
  const bounds = [...cuts].sort((x, y) => x - y);
  const box = el("div", {class: "story-text " + LAYERS.map(l => "show-" + l[0]).join(" "), id: "story-text"});
  for (let i = 0; i + 1 < bounds.length; i++) {
    const b0 = bounds[i], b1 = bounds[i + 1];
    const text = cps.slice(b0, b1).join("");
    const cover = anns.filter(a => a.s <= b0 && a.e >= b1);
    if (!cover.length) { box.append(text); continue; }
    const layers = [...new Set(cover.map(a => a.layer))];
    const attrs = {class: "hl " + layers.map(l => "hl-" + l).join(" "), title: cover.map(a => a.tip).join("\n"), "data-layers": layers.join(" ")};
    const ent = cover.find(a => a.href);
    box.append(ent ? el("a", Object.assign({href: ent.href}, attrs), text) : el("span", attrs, text));
  }
  return box;
}

async function storyView(id, params) {
  const st = await api("stories/" + encodeURIComponent(id));
  const rec = st.record;
  // mark=START-END (code points) outlines the words a fact came from.
  const m = /^(\d+)-(\d+)$/.exec(params.get("mark") || "");
  const box = highlighted(st, m ? [Number(m[1]), Number(m[2])] : null);
  const legend = el("div", {class: "legend"}, LAYERS.map(([l, name]) => el("label", {},
    el("input", {type: "checkbox", checked: true, onchange: e => box.classList.toggle("show-" + l, e.target.checked)}),
    el("span", {class: "sw hl-" + l}), name)));
  const names = Object.fromEntries(rec.entities.map(e => [e.id, e.name]));
  const evMap = Object.fromEntries(st.events.map(e => [e.local, e.event]));
  const side = el("aside", {class: "side"},
    el("h2", {}, "Entities"),
    el("ul", {id: "story-entities"}, st.entities.map(e => el("li", {}, link("#/entity/" + e.entity, e.name), " ", badge(e.type)))),
    el("h2", {}, "Events"),
    el("ul", {}, rec.events.map(ev => el("li", {}, evMap[ev.id] ? link("#/event/" + evMap[ev.id], ev.type) : ev.type, " ",
      badge(ev.status, ev.status), ev.participants.map(p => names[p.entity] || p.entity).join(", ")))),
    el("h2", {}, "Quotes"),
    el("ul", {}, rec.quotes.map(q => el("li", {}, el("blockquote", {}, q.text), "— ", (q.speaker && names[q.speaker]) || q.speaker_text || "unknown"))),
    el("h2", {}, "Times and amounts"),
    el("ul", {}, rec.timexes.map(t => el("li", {}, t.text, " → ", el("code", {}, t.value))),
      rec.amounts.map(a => el("li", {}, a.text, " → ", el("code", {}, `${a.value} ${a.unit}`)))),
    st.duplicates.length || st.duplicate_of ? [el("h2", {}, "Duplicates"),
      st.duplicate_of ? el("p", {}, "Near-duplicate of ", link("#/story/" + st.duplicate_of, "story " + st.duplicate_of)) : null,
      el("ul", {}, st.duplicates.map(d => el("li", {}, link("#/story/" + d, "story " + d))))] : null,
    el("h2", {}, "Copies"),
    el("ul", {}, st.sightings.map(s => el("li", {}, [s.doc_id, s.source, s.date].filter(Boolean).join(" · ")))));
  show(
    el("h1", {id: "story-title"}, rec.title || st.title || "(untitled)"),
    meta(st.date, st.source, st.lang, "id " + st.doc_id, st.cluster !== st.id ? "cluster " + st.cluster : ""),
    st.cluster ? link("#/search" + qs({cluster: st.cluster}), "stories in this cluster") : null,
    el("div", {class: "columns"}, el("div", {}, legend, box), side));
  const first = box.querySelector(".hl-mark");
  if (first) first.scrollIntoView({block: "center"});
}

// ---- entities ----------------------------------------------------------

async function entitiesView(params) {
  const q = params.get("q") || "", type = params.get("type") || "", offset = params.get("offset") || "";
  const page = await api("entities" + qs({q, type, offset, limit: 50}));
  const form = el("form", {class: "filters", onsubmit: e => { e.preventDefault(); location.hash = "#/entities" + qs({q: form.q.value, type: form.type.value}); }},
    el("label", {}, "Name", el("input", {name: "q", value: q})),
    el("label", {}, "Type", el("select", {name: "type"}, ["", "PER", "ORG", "LOC", "MISC"].map(t => el("option", {value: t, selected: t === type}, t || "any")))),
    el("button", {type: "submit"}, "Filter"));
  show(el("h1", {}, "Entities"), form,
    el("table", {}, el("tr", {}, el("th", {}, "Name"), el("th", {}, "Type"), el("th", {}, "Stories"), el("th", {}, "Mentions"), el("th", {}, "Seen")),
      page.items.map(e => el("tr", {}, el("td", {}, link("#/entity/" + e.id, e.name)), el("td", {}, e.type), el("td", {}, e.stories),
        el("td", {}, e.mentions), el("td", {}, [e.first_seen, e.last_seen].filter(Boolean).join(" – "))))),
    pager(page, "#/entities", {q, type}));
}

function eventLine(ev) {
  return [link("#/event/" + ev.id, ev.type), " ", badge(ev.status, ev.status), ev.confirmed ? badge("confirmed", "confirmed") : null,
    ev.participants.map((p, i) => [i ? ", " : "", link("#/entity/" + p.entity, p.name)]),
    ev.place_name ? [" in ", ev.place ? link("#/entity/" + ev.place, ev.place_name) : ev.place_name] : null,
    el("span", {class: "muted"}, ` · ${ev.reports} report${ev.reports === 1 ? "" : "s"}, ${ev.sources} source${ev.sources === 1 ? "" : "s"}`)];
}

async function entityView(id) {
  const [e, tl, rel, stories] = await Promise.all([
    api("entities/" + encodeURIComponent(id)), api(`entities/${encodeURIComponent(id)}/timeline?limit=200`),
    api(`entities/${encodeURIComponent(id)}/related?limit=20`), api("stories" + qs({entity: id, limit: 10}))]);
  const kb = e.kb_id ? (/^Q\d+$/.test(e.kb_id) ? link("https://www.wikidata.org/wiki/" + e.kb_id, e.kb_id, {rel: "noopener noreferrer", target: "_blank"}) : e.kb_id) : "not in the knowledge base";
  show(
    el("h1", {id: "entity-name"}, e.name, " ", badge(e.type)),
    el("p", {}, "Knowledge base: ", kb, el("br"), `${e.stories} stories, ${e.mentions} mentions`,
      e.first_seen ? `, seen ${e.first_seen} – ${e.last_seen}` : ""),
    el("div", {class: "columns"},
      el("div", {},
        el("h2", {}, "Timeline"),
        tl.items.length ? el("ul", {class: "timeline", id: "entity-timeline"}, tl.items.map(it => el("li", {class: it.kind},
          el("span", {class: "date"}, it.date || "undated"),
          it.kind === "event" ? eventLine(it.event)
            : [el("blockquote", {}, it.quote.text), link("#/story/" + it.quote.story, it.quote.story_title)]))) : el("p", {class: "muted"}, "No events or statements."),
        el("h2", {}, "Stories"),
        el("ul", {}, stories.items.map(s => el("li", {}, link("#/story/" + s.id, s.title), " ", el("span", {class: "muted"}, s.date || "")))),
        stories.total > stories.items.length ? link("#/search" + qs({entity: id}), `all ${stories.total} stories`) : null),
      el("aside", {class: "side"},
        el("h2", {}, "Names and aliases"),
        el("ul", {id: "entity-aliases"}, e.aliases.map(a => el("li", {}, a.text, el("span", {class: "muted"}, ` ×${a.count}`)))),
        el("h2", {}, "Related entities"),
        el("ul", {id: "entity-related"}, rel.items.map(r => el("li", {}, link("#/entity/" + r.id, r.name), " ", badge(r.type),
          el("span", {class: "muted"}, `${r.shared_stories} shared`)))))));
}

// ---- events ------------------------------------------------------------

function worldMap(events) {
  // Equirectangular: x = lon + 180, y = 90 - lat, in a 360×180 world,
  // zoomed to the places shown (at least 60° wide).
  const byPlace = new Map();
  for (const ev of events) {
    if (ev.lat == null || ev.lon == null) continue;
    const k = ev.lat + "," + ev.lon;
    if (!byPlace.has(k)) byPlace.set(k, {lat: ev.lat, lon: ev.lon, name: ev.place_name, evs: []});
    byPlace.get(k).evs.push(ev);
  }
  const pts = [...byPlace.values()];
  let x0 = 0, y0 = 0, w = 360;
  if (pts.length) {
    const xs = pts.map(p => p.lon + 180), ys = pts.map(p => 90 - p.lat);
    const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
    w = Math.min(360, Math.max(60, (maxX - minX) * 1.3 + 20, ((maxY - minY) * 1.3 + 10) * 2));
    x0 = Math.max(0, Math.min(360 - w, (minX + maxX) / 2 - w / 2));
    y0 = Math.max(0, Math.min(180 - w / 2, (minY + maxY) / 2 - w / 4));
  }
  const k = w / 360; // scale of marks and labels
  const svg = el("svg", {class: "map", viewBox: `${x0} ${y0} ${w} ${w / 2}`, role: "img", "aria-label": "map of event places", id: "event-map"});
  const step = w > 180 ? 30 : w > 90 ? 10 : 5;
  for (let lon = -180; lon <= 180; lon += step) svg.append(el("line", {class: "grid", x1: lon + 180, y1: 0, x2: lon + 180, y2: 180, "stroke-width": 0.6 * k}));
  for (let lat = -90; lat <= 90; lat += step) svg.append(el("line", {class: "grid", x1: 0, y1: 90 - lat, x2: 360, y2: 90 - lat, "stroke-width": 0.6 * k}));
  for (let lon = -180; lon < 180; lon += step) svg.append(el("text", {class: "axis", x: lon + 180 + k, y: y0 + 4 * k, "font-size": 3 * k}, `${lon}°`));
  for (const p of pts) {
    const r = k * Math.min(8, 2.5 + 1.5 * Math.sqrt(p.evs.length));
    svg.append(el("g", {class: "place"},
      el("circle", {class: "pt", cx: p.lon + 180, cy: 90 - p.lat, r, "stroke-width": 0.5 * k,
        onclick: () => { location.hash = "#/events" + qs({place_name: p.name}); }},
        el("title", {}, `${p.name}: ${p.evs.length} event${p.evs.length === 1 ? "" : "s"}`)),
      el("text", {x: p.lon + 180 + r + k, y: 90 - p.lat + 1.5 * k, "font-size": 5 * k}, p.name)));
  }
  return svg;
}

async function eventsView(params) {
  const f = {};
  for (const k of ["type", "entity", "place_name", "source", "status", "confirmed", "from", "to", "offset"]) f[k] = params.get(k) || "";
  const page = await api("events" + qs(Object.assign({limit: 100}, f)));
  const input = (name, label, attrs) => el("label", {}, label, el("input", Object.assign({name, value: f[name]}, attrs || {})));
  const form = el("form", {class: "filters", id: "event-filters", onsubmit: e => {
    e.preventDefault();
    const p = {};
    for (const k of ["type", "entity", "place_name", "source", "status", "confirmed", "from", "to"]) p[k] = form[k].value;
    location.hash = "#/events" + qs(p);
  }},
    input("type", "Type", {placeholder: "CONSULT", size: 10}), input("entity", "Entity id", {size: 6}), input("place_name", "Place", {size: 10}),
    input("source", "Source", {size: 10}),
    el("label", {}, "Status", el("select", {name: "status"}, ["", "occurred", "planned", "expected", "ongoing", "negated", "hypothetical"].map(s => el("option", {value: s, selected: s === f.status}, s || "any")))),
    el("label", {}, "Confirmed", el("select", {name: "confirmed"}, [["", "any"], ["yes", "yes"], ["no", "no"]].map(([v, t]) => el("option", {value: v, selected: v === f.confirmed}, t)))),
    input("from", "From", {type: "date"}), input("to", "To", {type: "date"}),
    el("button", {type: "submit"}, "Filter"));
  const byDate = new Map();
  for (const ev of page.items) {
    const d = ev.date || "undated";
    if (!byDate.has(d)) byDate.set(d, []);
    byDate.get(d).push(ev);
  }
  const exp = (fmt) => link("api/export/events" + qs(Object.assign({}, f, {offset: "", format: fmt})), fmt.toUpperCase());
  show(el("h1", {}, "Events"), form, worldMap(page.items),
    el("p", {class: "muted"}, "Export: ", exp("jsonl"), " ", exp("csv"), " ", exp("geojson")),
    el("ul", {class: "timeline", id: "event-timeline"}, [...byDate.entries()].map(([d, evs]) => evs.map(ev => el("li", {}, el("span", {class: "date"}, d), eventLine(ev))))),
    pager(page, "#/events", f));
}

async function eventView(id) {
  const ev = await api("events/" + encodeURIComponent(id));
  show(el("h1", {}, ev.type, " ", badge(ev.status, ev.status), ev.confirmed ? badge("confirmed", "confirmed") : null),
    el("p", {}, eventLine(ev)),
    el("p", {}, `Date ${ev.date || "unknown"} · first reported ${ev.first_reported || "?"} (`, link("#/story/" + ev.first_story, "story"), ") · ",
      `${ev.sources} independent source${ev.sources === 1 ? "" : "s"}`),
    el("h2", {}, "Status over time"),
    el("ul", {}, ev.history.map(h => el("li", {}, h.date || "?", " ", badge(h.status, h.status), link("#/story/" + h.story, "story")))),
    el("h2", {}, "Reports"),
    el("table", {id: "event-reports"}, el("tr", {}, el("th", {}, "Date"), el("th", {}, "Source"), el("th", {}, "Status"), el("th", {}, "Evidence"), el("th", {}, "Story")),
      ev.report_list.map(r => el("tr", {}, el("td", {}, r.date), el("td", {}, r.source, r.claim_source ? ` (claim: ${r.claim_source})` : ""),
        el("td", {}, r.status, r.duplicate ? " (duplicate)" : ""), el("td", {}, link(`#/story/${r.story}?mark=${r.evidence_start}-${r.evidence_end}`, r.evidence, {class: "evidence"})), el("td", {}, link("#/story/" + r.story, r.story_title))))));
}

async function clustersView(params) {
  const f = {from: params.get("from") || "", to: params.get("to") || "", offset: params.get("offset") || ""};
  const page = await api("clusters" + qs(Object.assign({limit: 30}, f)));
  show(el("h1", {}, "Story clusters"),
    el("p", {class: "muted"}, "Stories about the same development: sharing an event, or distinctive entities within three days."),
    el("ul", {class: "results", id: "clusters"}, page.items.map(c => el("li", {},
      link("#/search" + qs({cluster: c.id}), c.lead.title || "(untitled)", {class: "title"}),
      meta(`${c.stories} stories`, c.first === c.last ? c.first : `${c.first} – ${c.last}`, c.lead.source),
      el("div", {class: "snippet"}, c.lead.snippet)))),
    pager(page, "#/clusters", {from: f.from, to: f.to}));
}

async function mapView() {
  const page = await api("events?limit=500");
  show(el("h1", {}, "Map of event places"), worldMap(page.items),
    el("p", {class: "muted"}, `${page.items.filter(e => e.lat != null).length} of ${page.total} events have a known place. Click a place for its events.`));
}

// ---- router ------------------------------------------------------------

async function route() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/");
  if (parts[0] !== "" && parts[0] !== "search") document.getElementById("q").value = "";
  try {
    switch (parts[0]) {
      case "": case "search":
        if (params.get("cluster") || params.get("entity")) return await filteredStories(params);
        return await searchView(params);
      case "story": return await storyView(parts[1], params);
      case "entities": return await entitiesView(params);
      case "entity": return await entityView(parts[1]);
      case "events": return await eventsView(params);
      case "event": return await eventView(parts[1]);
      case "map": return await mapView();
      case "clusters": return await clustersView(params);
      default: show(el("p", {class: "error"}, "No such page."));
    }
  } catch (err) {
    show(el("p", {class: "error", id: "error"}, "Error: " + err.message));
  }
}

async function filteredStories(params) {
  const f = {cluster: params.get("cluster") || "", entity: params.get("entity") || "", offset: params.get("offset") || ""};
  const page = await api("stories" + qs(Object.assign({limit: 20}, f)));
  show(el("h1", {}, f.cluster ? "Stories in cluster " + f.cluster : "Stories mentioning entity " + f.entity),
    el("ul", {class: "results", id: "results"}, page.items.map(s => el("li", {}, link("#/story/" + s.id, s.title), meta(s.date, s.source, s.lang), el("div", {}, s.snippet)))),
    pager(page, "#/search", {cluster: f.cluster, entity: f.entity}));
}

document.getElementById("search-form").addEventListener("submit", e => {
  e.preventDefault();
  location.hash = "#/search" + qs({q: document.getElementById("q").value});
});
window.addEventListener("hashchange", route);
route();
api("stats").then(s => {
  document.getElementById("stats").textContent = `${s.stories} stories, ${s.entities} entities, ${s.events} events, ${s.quotes} quotes`;
}).catch(() => {});
