// The pathway canvas: AntV X6 draws the states and arrows that the Blazor page sends it, and reports back what the
// SENCo did with the mouse (select, move, connect, delete). The page owns the document; this module only draws.
// X6 and dagre are loaded as UMD globals (window.X6, window.dagre) from /lib by App.razor.

const colours = {
  body: '#ffffff', border: '#5c6bc0', terminal: '#78909c', selected: '#ff6f00', current: '#2e7d32',
  visited: '#a5d6a7', edge: '#5c6bc0', path: '#2e7d32', dim: '#b0bec5',
};
let registered = false;

function register() {
  if (registered) return;
  registered = true;
  const port = { r: 5, magnet: true, stroke: colours.border, strokeWidth: 1, fill: '#fff' };
  window.X6.Graph.registerNode('sw-state', {
    inherit: 'rect',
    width: 230,
    height: 100,
    markup: [
      { tagName: 'rect', selector: 'body' },
      { tagName: 'rect', selector: 'badge' },
      { tagName: 'text', selector: 'stage' },
      { tagName: 'text', selector: 'name' },
      { tagName: 'text', selector: 'roles' },
      { tagName: 'text', selector: 'timeframe' },
    ],
    attrs: {
      body: { refWidth: '100%', refHeight: '100%', rx: 8, ry: 8, fill: colours.body, stroke: colours.border, strokeWidth: 2, class: 'sw-body' },
      badge: { refX: 0, refY: 0, width: 230, height: 24, rx: 8, ry: 8, fill: '#e8eaf6' },
      stage: { refX: 10, refY: 12, textAnchor: 'start', textVerticalAnchor: 'middle', fontSize: 12, fontWeight: 600, fill: '#283593' },
      name: { refX: 10, refY: 40, textAnchor: 'start', textVerticalAnchor: 'middle', fontSize: 14, fontWeight: 600, fill: '#212121', textWrap: { width: 210, height: 20, ellipsis: true } },
      roles: { refX: 10, refY: 62, textAnchor: 'start', textVerticalAnchor: 'middle', fontSize: 11, fill: '#455a64', textWrap: { width: 210, height: 16, ellipsis: true } },
      timeframe: { refX: 10, refY: 84, textAnchor: 'start', textVerticalAnchor: 'middle', fontSize: 12, fill: '#37474f', textWrap: { width: 210, height: 16, ellipsis: true } },
    },
    ports: {
      groups: {
        top: { position: 'top', attrs: { circle: port } },
        right: { position: 'right', attrs: { circle: port } },
        bottom: { position: 'bottom', attrs: { circle: port } },
        left: { position: 'left', attrs: { circle: port } },
      },
      items: [{ id: 'top', group: 'top' }, { id: 'right', group: 'right' }, { id: 'bottom', group: 'bottom' }, { id: 'left', group: 'left' }],
    },
  }, true);
}

function nodeAttrs(n, look) {
  const border = look.selected ? colours.selected : look.current ? colours.current : n.terminal ? colours.terminal : colours.border;
  const cls = ['sw-body', look.selected ? 'sw-selected' : '', look.current ? 'sw-current' : '', look.visited ? 'sw-visited' : ''].join(' ').trim();
  return {
    body: {
      stroke: border, strokeWidth: look.selected || look.current ? 4 : 2, class: cls,
      fill: look.current ? '#e8f5e9' : look.visited ? '#f1f8e9' : colours.body,
      strokeDasharray: n.terminal ? '6 3' : null,
    },
    stage: { text: (n.initial ? '▶ ' : '') + (n.stage || 'State') },
    name: { text: n.name || '(no name)' },
    roles: { text: n.roles ? 'Who: ' + n.roles : 'Who: nobody yet' },
    timeframe: { text: n.timeframe ? 'Timeframe: ' + n.timeframe : 'No timeframe' },
  };
}

// Where each arrow's label goes, so that no label lies over another or over a state. The canvas works out the
// arrows' straight lines itself (anchors at the states' centres, cut at their borders), then tries places along each
// line, middle first, and beside it, and keeps the first whose box is clear; the shortest arrows choose first.
const nodeSize = { w: 230, h: 100 };
let measurer = null;

const labelSizes = new Map();

function labelSize(text) {
  const key = String(text || '');
  const known = labelSizes.get(key);
  if (known) return known;
  measurer ??= document.createElement('canvas').getContext('2d');
  measurer.font = '11px ' + (getComputedStyle(document.body).fontFamily || 'sans-serif');
  const lines = key.split('\n');
  const width = Math.max(...lines.map(l => measurer.measureText(l).width));
  const size = { w: width + 8, h: lines.length * 13 + 6 };
  labelSizes.set(key, size);
  return size;
}

function clip(from, to, rect) {
  // Where the line from a state's anchor towards a point leaves the state's box.
  const dx = to.x - from.x, dy = to.y - from.y;
  const cx = rect.x + rect.w / 2, cy = rect.y + rect.h / 2;
  let t = 1;
  if (dx !== 0) t = Math.min(t, Math.abs((dx > 0 ? rect.x + rect.w - from.x : rect.x - from.x) / dx));
  if (dy !== 0) t = Math.min(t, Math.abs((dy > 0 ? rect.y + rect.h - from.y : rect.y - from.y) / dy));
  return Math.abs(from.x - cx) > rect.w / 2 || Math.abs(from.y - cy) > rect.h / 2 ? from : { x: from.x + dx * t, y: from.y + dy * t };
}

function overlaps(a, b, margin) {
  return a.x < b.x + b.w + margin && b.x < a.x + a.w + margin && a.y < b.y + b.h + margin && b.y < a.y + a.h + margin;
}

function loopVertices(rect) {
  const cx = rect.x + rect.w / 2;
  return [{ x: cx - 50, y: rect.y - 45 }, { x: cx + 50, y: rect.y - 45 }];
}

export function placeLabels(model) {
  const rects = new Map(model.nodes.map(n => [n.id, { x: n.x, y: n.y, w: nodeSize.w, h: nodeSize.h }]));
  const lines = [];
  for (const e of model.edges) {
    const a = rects.get(e.source), b = rects.get(e.target);
    if (!a || !b) continue;
    let p, q;
    if (e.source === e.target) {
      // An arrow back to its own state loops over the top of it.
      [p, q] = loopVertices(a);
    } else {
      const ca = { x: a.x + a.w / 2 + e.offset, y: a.y + a.h / 2 + e.offset };
      const cb = { x: b.x + b.w / 2 + e.offset, y: b.y + b.h / 2 + e.offset };
      p = clip(ca, cb, a);
      q = clip(cb, ca, b);
    }
    lines.push({ e, p, q, length: Math.hypot(q.x - p.x, q.y - p.y), size: labelSize(e.label) });
  }
  lines.sort((l, m) => l.length - m.length);
  const states = [...rects.values()];
  const placed = [];
  const result = {};
  const ratios = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];
  for (const l of lines) {
    const { w, h } = l.size;
    const len = l.length || 1;
    // The unit normal to the line: labels step off to either side of it by their own height.
    const nx = -(l.q.y - l.p.y) / len, ny = (l.q.x - l.p.x) / len;
    let best = null;
    for (const step of [0, 1, -1, 2, -2, 3, -3, 4, -4, 6, -6]) {
      for (const r of ratios) {
        const shift = step * (Math.abs(nx) * (w + 6) / 2 + Math.abs(ny) * (h + 6) / 2 + 4);
        const off = { x: Math.round(nx * shift), y: Math.round(ny * shift) };
        const at = { x: l.p.x + (l.q.x - l.p.x) * r + off.x, y: l.p.y + (l.q.y - l.p.y) * r + off.y };
        const box = { x: at.x - w / 2, y: at.y - h / 2, w, h };
        const hits = states.filter(s => overlaps(box, s, 6)).length * 2 + placed.filter(o => overlaps(box, o, 4)).length;
        if (!best || hits < best.hits) best = { hits, box, position: { distance: r, offset: off } };
        if (hits === 0) break;
      }
      if (best.hits === 0) break;
    }
    placed.push(best.box);
    result[l.e.id] = best.position;
  }
  return result;
}

function edgeLook(e, look, position) {
  const colour = look.selected ? colours.selected : look.onPath ? colours.path : look.dim ? colours.dim : colours.edge;
  // The label's box is the size placeLabels measured and kept clear, set outright: X6's default sizes it from the drawn
  // text (refWidth/refHeight), which costs a layout of the page per arrow (issue 16: most of a 50-state drawing's time).
  const size = labelSize(e.label);
  return {
    attrs: {
      line: {
        stroke: colour, strokeWidth: look.selected || look.onPath ? 3 : 1.5,
        targetMarker: { name: 'classic', size: 8 },
        class: [look.selected ? 'sw-selected' : '', look.onPath ? 'sw-path' : ''].join(' ').trim(),
      },
    },
    labels: [{
      position: position ?? { distance: 0.5 },
      attrs: {
        label: { text: e.label, fontSize: 11, fill: '#263238' },
        body: {
          fill: '#ffffffee', stroke: look.selected ? colours.selected : '#cfd8dc', rx: 4, ry: 4,
          ref: null, refWidth: null, refHeight: null, refX: null, refY: null, x: -size.w / 2, y: -size.h / 2, width: size.w, height: size.h,
        },
      },
    }],
  };
}

function anchor(e) {
  // Moving both ends by the same amount keeps arrows between the same two states apart whichever way they run.
  return { name: 'center', args: { dx: e.offset, dy: e.offset } };
}

class PathwayCanvas {
  constructor(container, dotnet, readOnly) {
    register();
    this.dotnet = dotnet;
    this.readOnly = readOnly;
    this.model = { nodes: [], edges: [] };
    this.look = { selectedKind: null, selectedId: null, current: null, visited: [], path: [], focusState: null, focusEdge: null };
    this.container = container;
    // X6 draws into a div of its own inside the page's element, so that a canvas drawn from the prerendered page can
    // move into the element the live page renders (follow); the canvas follows that element's size itself.
    this.host = document.createElement('div');
    this.host.style.cssText = 'position: absolute; inset: 0;';
    container.appendChild(this.host);
    const X6 = window.X6;
    this.graph = new X6.Graph({
      container: this.host,
      width: container.clientWidth || undefined,
      height: container.clientHeight || undefined,
      grid: { visible: true, size: 10 },
      background: { color: '#fafafa' },
      panning: { enabled: true, eventTypes: ['leftMouseDown'] },
      mousewheel: { enabled: true, modifiers: ['ctrl', 'meta'], minScale: 0.2, maxScale: 2 },
      interacting: readOnly ? { nodeMovable: false, edgeMovable: false, magnetConnectable: false } : { edgeMovable: false, edgeLabelMovable: false },
      connecting: {
        allowBlank: false, allowLoop: false, allowMultiple: true, allowEdge: false, allowPort: true, allowNode: true,
        highlight: true, snap: { radius: 30 }, connectionPoint: 'boundary',
        createEdge: () => this.graph.createEdge({ attrs: { line: { stroke: colours.selected, strokeWidth: 2, targetMarker: 'classic' } } }),
      },
    });
    if (!readOnly) {
      this.graph.use(new X6.Snapline({ enabled: true }));
      const keyboard = new X6.Keyboard({ enabled: true, global: false });
      this.graph.use(keyboard);
      keyboard.bindKey(['delete', 'backspace'], () => { this.dotnet.invokeMethodAsync('OnDeleteKey'); return false; });
      keyboard.bindKey(['ctrl+z', 'meta+z'], () => { this.dotnet.invokeMethodAsync('OnUndoKey'); return false; });
      keyboard.bindKey(['ctrl+y', 'meta+shift+z'], () => { this.dotnet.invokeMethodAsync('OnRedoKey'); return false; });
    }
    this.graph.on('node:click', ({ node }) => this.clicked('state', node.id));
    this.graph.on('edge:click', ({ edge }) => this.clicked('transition', edge.getData()?.id ?? edge.id));
    this.graph.on('blank:click', () => this.clicked(null, null));
    this.graph.on('node:moved', ({ node }) => {
      const p = node.getPosition();
      this.dotnet.invokeMethodAsync('OnMoved', node.id, Math.round(p.x), Math.round(p.y));
    });
    this.graph.on('edge:connected', ({ isNew, edge }) => {
      if (!isNew) return;
      const source = edge.getSourceCellId();
      const target = edge.getTargetCellId();
      // The page makes the real transition and sends it back with the next drawing.
      edge.remove();
      if (source && target && source !== target) this.dotnet.invokeMethodAsync('OnConnected', source, target);
    });
  }

  clicked(kind, id) {
    this.look.selectedKind = kind;
    this.look.selectedId = id;
    this.restyle();
    this.dotnet.invokeMethodAsync('OnSelected', kind, id);
  }

  // Brings the drawing in line with the model: adds, updates and removes cells by id, so the view and the SENCo's
  // zoom stay where they were.
  sync(model) {
    this.model = model;
    this.labelPositions = placeLabels(withFlowLabels(model, this.flow));
    const graph = this.graph;
    const wanted = new Set();
    // An arrow may share its id with a state (the journal names both): its cell then gets a distinct one.
    const stateIds = new Set(model.nodes.map(n => n.id));
    this.cellIds = new Map(model.edges.map(e => [e.id, stateIds.has(e.id) ? 'arrow:' + e.id : e.id]));
    graph.batchUpdate(() => {
      for (const n of model.nodes) {
        wanted.add(n.id);
        let node = graph.getCellById(n.id);
        if (node && !node.isNode()) { node.remove(); node = null; }
        if (!node) {
          node = graph.addNode({ id: n.id, shape: 'sw-state', x: n.x, y: n.y, attrs: nodeAttrs(n, {}) });
          // The viewer shows no dots to drag from; the designer always does, so a SENCo can find them.
          if (this.readOnly) for (const p of node.getPorts()) node.setPortProp(p.id, 'attrs/circle/style/visibility', 'hidden');
        } else {
          const p = node.getPosition();
          if (p.x !== n.x || p.y !== n.y) node.setPosition(n.x, n.y);
        }
      }
      for (const e of model.edges) {
        const id = this.cellIds.get(e.id);
        wanted.add(id);
        let edge = graph.getCellById(id);
        if (edge && (!edge.isEdge() || edge.getSourceCellId() !== e.source || edge.getTargetCellId() !== e.target)) { edge.remove(); edge = null; }
        const loop = e.source === e.target;
        const end = loop ? { name: 'top' } : anchor(e);
        const home = loop ? model.nodes.find(n => n.id === e.source) : null;
        const vertices = home ? loopVertices({ x: home.x, y: home.y, ...nodeSize }) : [];
        if (!edge) {
          graph.addEdge({
            id, data: { id: e.id }, shape: 'edge', source: { cell: e.source, anchor: end }, target: { cell: e.target, anchor: end }, vertices,
            connector: { name: 'rounded' }, zIndex: 0,
          });
        } else {
          edge.setSource({ cell: e.source, anchor: end });
          edge.setTarget({ cell: e.target, anchor: end });
          edge.setVertices(vertices);
        }
      }
      for (const cell of graph.getCells()) if (!wanted.has(cell.id)) cell.remove();
    });
    this.restyle();
    this.container.dataset.nodes = String(model.nodes.length);
    this.container.dataset.edges = String(model.edges.length);
    if (!this.fitted) {
      // The first drawing is painted at once rather than a slice per animation frame, as X6 otherwise does (issue 16:
      // the 8-state pathway took 6 frames, 50 states 20); later changes stay sliced. The queue is X6 2's own (guarded).
      this.graph.renderer?.schedule?.queue?.flushJobsSync?.();
      // The first drawing fits the whole pathway on screen, so the SENCo sees at once what it does.
      this.fitted = true;
      this.fit();
    }
    // readyAt: when the canvas was first given the pathway (ms from navigation; X6 paints it a frame or more later);
    // ready: the canvas answers, through the live connection.
    if (!this.container.dataset.readyAt) this.container.dataset.readyAt = String(Math.round(performance.now()));
    if (this.dotnet !== notYetLive) this.container.dataset.ready = 'true';
  }

  restyle() {
    const l = this.look;
    const graph = this.graph;
    graph.batchUpdate(() => {
      for (const n of this.model.nodes) {
        const node = graph.getCellById(n.id);
        if (!node) continue;
        node.setAttrs(nodeAttrs(n, {
          selected: (l.selectedKind === 'state' && l.selectedId === n.id) || l.focusState === n.id,
          current: l.current === n.id,
          visited: l.visited.includes(n.id),
        }));
      }
      const anyPath = l.path.length > 0;
      for (const e of this.model.edges) {
        const edge = graph.getCellById(this.cellIds?.get(e.id) ?? e.id);
        if (!edge) continue;
        const look = edgeLook(this.flow ? { ...e, label: flowLabel(e, this.flow) } : e, {
          selected: (l.selectedKind === 'transition' && l.selectedId === e.id) || l.focusEdge === e.id,
          onPath: l.path.includes(e.id),
          dim: anyPath && !l.path.includes(e.id),
        }, this.labelPositions?.[e.id]);
        edge.setAttrs(look.attrs);
        edge.setLabels(look.labels);
      }
    });
    this.container.dataset.selected = l.selectedId ?? '';
    applyFlow(this);
  }

  select(kind, id) {
    this.look.selectedKind = kind;
    this.look.selectedId = id;
    this.restyle();
    const cell = id ? this.graph.getCellById(kind === 'transition' ? this.cellIds?.get(id) ?? id : id) : null;
    if (cell && cell.isNode()) this.graph.centerCell(cell, { animation: false });
  }

  // The instance viewer: the pupil's current state, the states and arrows of the path so far, and the journal
  // entry the reader clicked.
  highlight(current, visited, path, focusState, focusEdge) {
    Object.assign(this.look, { current, visited: visited || [], path: path || [], focusState, focusEdge });
    this.restyle();
    this.container.dataset.current = current ?? '';
    this.container.dataset.focus = focusEdge ?? focusState ?? '';
  }

  // Lays the states out with dagre, left to right, and returns the new positions for the page to keep.
  layout() {
    // A multigraph with room for each arrow's label, so labels of arrows between the same states don't pile up.
    const g = new window.dagre.graphlib.Graph({ multigraph: true });
    g.setGraph({ rankdir: 'LR', nodesep: 50, ranksep: 90, edgesep: 20, marginx: 20, marginy: 20 });
    for (const n of this.model.nodes) g.setNode(n.id, { width: 230, height: 100 });
    for (const e of this.model.edges) {
      const size = labelSize(e.label);
      g.setEdge(e.source, e.target, { width: size.w + 12, height: size.h + 8, labelpos: 'c' }, e.id);
    }
    window.dagre.layout(g);
    const positions = {};
    for (const id of g.nodes()) {
      const p = g.node(id);
      positions[id] = { x: Math.round(p.x - 115), y: Math.round(p.y - 50) };
    }
    // The labels find their places again around the states' new positions.
    this.model = { ...this.model, nodes: this.model.nodes.map(n => (positions[n.id] ? { ...n, ...positions[n.id] } : n)) };
    this.labelPositions = placeLabels(withFlowLabels(this.model, this.flow));
    this.graph.batchUpdate(() => {
      for (const [id, p] of Object.entries(positions)) this.graph.getCellById(id)?.setPosition(p.x, p.y);
    });
    this.restyle();
    this.fit();
    return positions;
  }

  zoom(factor) { this.graph.zoom(factor); }

  fit() { this.graph.zoomToFit({ padding: 24, maxScale: 1 }); }

  // Where a new state goes: the middle of what the SENCo is looking at.
  centre() {
    const r = this.graph.getGraphArea();
    return { x: Math.round(r.x + r.width / 2 - 115), y: Math.round(r.y + r.height / 2 - 50) };
  }

  // Follows the element the page rendered: its size, and the element itself when the live page replaces it.
  follow(container) {
    this.resizer ??= new ResizeObserver(entries => {
      const { width, height } = entries[entries.length - 1].contentRect;
      if (width > 0 && height > 0) this.graph.resize(Math.round(width), Math.round(height));
    });
    if (this.container !== container) {
      for (const [key, value] of Object.entries(this.container.dataset)) {
        if (key !== 'model' && key !== 'readonly' && !(key in container.dataset)) container.dataset[key] = value;
      }
      container.appendChild(this.host);
      this.resizer.disconnect();
      this.container = container;
    }
    this.resizer.observe(container);
  }

  dispose() {
    this.resizer?.disconnect();
    this.graph.dispose();
    this.host.remove();
  }
}

// Creating and drawing in one call saves the page a round trip to the server before the SENCo sees anything.
// A canvas already drawn from the prerendered page is taken over, and drawn again only if the live page's model differs.
export function create(container, dotnet, readOnly, model) {
  adoptPrerendered();
  let canvas = prerendered.find(c => c.container === container && c.readOnly === readOnly);
  if (canvas) {
    prerendered.splice(prerendered.indexOf(canvas), 1);
    canvas.dotnet = dotnet;
    if (model && JSON.stringify(model) !== JSON.stringify(canvas.model)) canvas.sync(model);
    container.dataset.ready = 'true';
  } else {
    canvas = new PathwayCanvas(container, dotnet, readOnly);
    canvas.follow(container);
    if (model) canvas.sync(model);
  }
  container.dataset.liveAt ??= String(Math.round(performance.now()));
  // Browser tests and the performance figures read the canvas through this handle.
  window.pathwayCanvas = canvas;
  return canvas;
}

// The flow (issue 16): how many pupils are in each state now, the median school weeks they have spent there and the
// share with overdue tasks; on each arrow how many took it in the period, thicker for more. States are coloured by time
// in state as a heat map, on the scale the page's legend shows (flow.maxWeeks). The page sends the figures; these
// functions only paint them over what restyle() drew, so switching the flow off is restyle() alone.
export const heatStops = ['#e3f2fd', '#fff59d', '#ffb74d', '#ef5350', '#b71c1c'];

function mix(a, b, t) {
  const pa = parseInt(a.slice(1), 16), pb = parseInt(b.slice(1), 16);
  const channel = shift => Math.round(((pa >> shift) & 255) * (1 - t) + ((pb >> shift) & 255) * t);
  return '#' + [16, 8, 0].map(s => channel(s).toString(16).padStart(2, '0')).join('');
}

export function heatColour(weeks, maxWeeks) {
  const t = Math.max(0, Math.min(1, maxWeeks > 0 ? weeks / maxWeeks : 0)) * (heatStops.length - 1);
  const i = Math.min(heatStops.length - 2, Math.floor(t));
  return mix(heatStops[i], heatStops[i + 1], t - i);
}

function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

function flowLabel(e, flow) {
  const count = flow.edges[e.id] ?? 0;
  return (e.label ? e.label + '\n' : '') + plural(count, 'pupil');
}

// The model with each arrow's label as the flow shows it, so the labels find room for their counts.
function withFlowLabels(model, flow) {
  return flow ? { ...model, edges: model.edges.map(e => ({ ...e, label: flowLabel(e, flow) })) } : model;
}

// The state's words in white on the warmest colours, in their own colours otherwise.
function textFills(onDark) {
  return onDark
    ? { name: { fill: '#ffffff' }, roles: { fill: '#ffffff' }, timeframe: { fill: '#ffffff' } }
    : { name: { fill: '#212121' }, roles: { fill: '#455a64' }, timeframe: { fill: '#37474f' } };
}

function applyFlow(canvas) {
  const flow = canvas.flow;
  const graph = canvas.graph;
  if (!flow) return;
  const maxEdge = Math.max(1, ...Object.values(flow.edges));
  graph.batchUpdate(() => {
    for (const n of canvas.model.nodes) {
      const node = graph.getCellById(n.id);
      const s = flow.states[n.id];
      if (!node) continue;
      if (!s || s.pupils === 0) {
        const fills = textFills(false);
        node.setAttrs({ ...fills, body: { fill: '#ffffff', 'data-pupils': 0 }, roles: { ...fills.roles, text: 'No pupils here now' },
          timeframe: { ...fills.timeframe, text: '' } });
        continue;
      }
      const fills = textFills(flow.maxWeeks > 0 && (s.median ?? 0) / flow.maxWeeks > 0.7);
      node.setAttrs({
        ...fills,
        body: { fill: heatColour(s.median ?? 0, flow.maxWeeks), 'data-pupils': s.pupils },
        roles: { ...fills.roles, text: plural(s.pupils, 'pupil') + ', median ' + (s.median ?? 0).toFixed(1) + ' school weeks' },
        timeframe: { ...fills.timeframe, text: (s.overduePercent ?? 0).toFixed(0) + '% with overdue tasks' },
      });
    }
    for (const e of canvas.model.edges) {
      const edge = graph.getCellById(canvas.cellIds?.get(e.id) ?? e.id);
      if (!edge) continue;
      const count = flow.edges[e.id] ?? 0;
      edge.setAttrs({
        line: {
          strokeWidth: count > 0 ? 2 + 8 * count / maxEdge : 1,
          stroke: count > 0 ? '#6a1b9a' : colours.dim,
          'data-pupils': count,
        },
      });
      const labels = edge.getLabels();
      if (labels.length > 0) {
        edge.setLabelAt(0, { ...labels[0], attrs: { ...labels[0].attrs, label: { ...labels[0].attrs?.label, text: flowLabel(e, flow) } } });
      }
    }
  });
}

// Shows the page's figures ({ states: {id: {pupils, median, overduePercent}}, edges: {transitionId: pupils}, maxWeeks }),
// or takes them away (null).
PathwayCanvas.prototype.showFlow = function (flow) {
  this.flow = flow || null;
  if (!this.flow) for (const n of this.model.nodes) this.graph.getCellById(n.id)?.setAttrs(textFills(false));
  this.labelPositions = placeLabels(withFlowLabels(this.model, this.flow));
  this.restyle();
  this.container.dataset.flow = this.flow ? 'on' : 'off';
};

// Play ("Try it", issue 16): the test pupil's path lit up on the designer's own canvas while the draft is tried: the
// state they are in, the states they went through and the arrows they took. endPlay() gives the designer back its look.
PathwayCanvas.prototype.showPlay = function (current, visited, path) {
  this.highlight(current, visited, path, null, null);
  this.container.dataset.play = 'on';
  this.container.dataset.playPath = (path || []).join(' ');
};

PathwayCanvas.prototype.endPlay = function () {
  this.highlight(null, [], [], null, null);
  this.container.dataset.play = 'off';
  this.container.dataset.playPath = '';
};

// Drawn before the live connection (issue 16, "open fast"): the prerendered page carries each canvas's model in
// data-model, and App.razor loads this module with the page, so the pathway is drawn as soon as the page's scripts have
// run instead of after the circuit is up. When the live page replaces the prerendered elements, each drawing moves into
// its new element before the browser paints (a MutationObserver), and create() takes it over with the live connection.
const prerendered = [];
const notYetLive = { invokeMethodAsync: () => Promise.resolve() };
let watcher = null;

function adoptPrerendered() {
  const live = [...document.querySelectorAll('[data-testid=canvas]')];
  prerendered.forEach((canvas, i) => {
    if (!canvas.container.isConnected && live[i] && !live[i].contains(canvas.host)) canvas.follow(live[i]);
  });
  if (prerendered.every(c => c.container.isConnected && !c.container.dataset.model)) {
    watcher?.disconnect();
    watcher = null;
  }
}

function drawPrerendered() {
  if (!window.X6 || !window.ResizeObserver) return;
  for (const element of document.querySelectorAll('[data-testid=canvas][data-model]')) {
    const canvas = new PathwayCanvas(element, notYetLive, element.dataset.readonly === 'true');
    canvas.follow(element);
    canvas.sync(JSON.parse(element.dataset.model));
    prerendered.push(canvas);
  }
  if (prerendered.length === 0) return;
  window.pathwayCanvas = prerendered[0];
  watcher = new MutationObserver(adoptPrerendered);
  watcher.observe(document.body, { childList: true, subtree: true });
  // A live page that never renders the canvas again (an error, another page) leaves nothing watching.
  setTimeout(() => { watcher?.disconnect(); watcher = null; }, 60_000);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', drawPrerendered, { once: true });
else drawPrerendered();
