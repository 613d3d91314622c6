// The interactive hot spot map (Leaflet): the same cells, colours and legend as the SVG map, loaded from the
// GeoJSON the page offers for download. Progressive enhancement: without JavaScript (or if the GeoJSON cannot be
// loaded) the SVG map stays. No tile server is used unless the page names one (configuration Maps:TileUrl).
/* global L */

function legend (title, classes, unshaded) {
  const control = L.control({ position: 'bottomright' })
  control.onAdd = () => {
    const box = L.DomUtil.create('div', 'app-map-legend')
    const heading = L.DomUtil.create('p', 'app-map-legend__title', box)
    heading.textContent = title
    const list = L.DomUtil.create('ul', 'app-map-legend__list', box)
    for (const c of classes.concat([{ colour: null, label: unshaded }])) {
      const item = L.DomUtil.create('li', 'app-map-legend__item', list)
      const swatch = L.DomUtil.create('span', 'app-map-legend__swatch', item)
      swatch.setAttribute('aria-hidden', 'true')
      if (c.colour) {
        swatch.style.backgroundColor = c.colour
      }
      item.appendChild(document.createTextNode(c.label))
    }
    return box
  }
  return control
}

async function init (container) {
  const classes = JSON.parse(container.dataset.classes)
  const colourOf = new Map(classes.map(c => [c.key, c.colour]))
  const response = await fetch(container.dataset.geojson, { credentials: 'same-origin' })
  if (!response.ok) {
    return
  }
  const cells = await response.json()

  container.hidden = false
  const map = L.map(container, { attributionControl: true, zoomSnap: 0.25, preferCanvas: false, keyboard: true })
  map.attributionControl.setPrefix(false)
  map.attributionControl.addAttribution(container.dataset.attribution)
  if (container.dataset.tiles) {
    L.tileLayer(container.dataset.tiles, { attribution: container.dataset.tileAttribution || '', maxZoom: 19 }).addTo(map)
  }

  // The grid's extent, drawn as the SVG's white map area is, gives the shaded cells a place without any tiles.
  const all = L.geoJSON(cells)
  const bounds = all.getBounds()
  L.rectangle(bounds, { color: '#b1b4b6', weight: 1, fill: false, interactive: false }).addTo(map)

  // The cells are a picture, not controls: the map is one keyboard stop (arrow keys pan, + and - zoom), and the
  // places and counts of the strongest hot spots are in the table under the map, not in tooltips cell by cell.
  const shaded = L.geoJSON(cells, {
    filter: f => colourOf.has(f.properties.significance),
    style: f => ({ stroke: false, fillColor: colourOf.get(f.properties.significance), fillOpacity: 1 }),
    interactive: false
  }).addTo(map)

  if (container.dataset.boundary) {
    L.geoJSON(JSON.parse(container.dataset.boundary), { style: { color: '#0b0c0c', weight: 1.5, fill: false }, interactive: false }).addTo(map)
  }

  legend(container.dataset.legendTitle, classes, container.dataset.unshaded).addTo(map)
  L.control.scale({ imperial: false }).addTo(map)
  map.fitBounds(bounds)
  container.dataset.cells = String(shaded.getLayers().length)
  container.setAttribute('tabindex', '0')
  // Leaflet's zoom buttons and links stay for the mouse; the keyboard has + and − on the map itself, so they are not
  // extra Tab stops.
  for (const control of container.querySelectorAll('a, button, [tabindex]:not(#hotspot-map-live)')) {
    control.setAttribute('tabindex', '-1')
  }
  container.setAttribute('aria-describedby', container.dataset.describedby || '')
  container.classList.add('app-live-map--ready')

  // The SVG stays in the page for people without JavaScript; with the live map it would be a second copy.
  const fallback = document.getElementById(container.dataset.fallback)
  if (fallback) {
    fallback.hidden = true
  }
}

const container = document.getElementById('hotspot-map-live')
if (container && window.L) {
  init(container).catch(() => { container.hidden = true })
}
