// Small DOM helpers shared by the map scripts.

/** An element with attributes and children (nodes or text), like a line of the template. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

/** Calls fn once the calls have paused for ms: a map that moves loads its pins once. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Sets data-NAME on the map's container: tests and styles read the map's state there. */
export function setState(map, name, value) {
  map.getContainer().dataset[name] = String(value);
}

/** Names the map for screen readers (the map container is focusable for its arrow keys). */
export function labelMap(map, label, describedBy) {
  const container = map.getContainer();
  container.setAttribute("aria-label", label);
  if (describedBy) container.setAttribute("aria-describedby", describedBy);
}
