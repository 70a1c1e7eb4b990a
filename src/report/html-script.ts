/**
 * The script inlined into the HTML report, as plain browser JavaScript in a string (the
 * project's TypeScript has no DOM types, and the page must not load anything). It does two
 * things: switch the colour mode by copying each core's and link's precomputed `data-*` values
 * (see html-mesh.ts), and show a core's details when it is clicked or chosen with the keyboard.
 * It writes names from the user's file with `textContent` only, never as markup.
 */
export const REPORT_SCRIPT = String.raw`
"use strict";
(function () {
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var cores = document.querySelectorAll("#mesh .core");
  var links = document.querySelectorAll("#mesh .link");
  var details = document.getElementById("details");

  function pct(share) {
    return share === null ? "no limit" : (100 * share).toFixed(1) + " %";
  }
  function num(v) {
    if (v === 0 || !isFinite(v)) return String(v);
    var a = Math.abs(v);
    return a >= 1e6 || a < 0.01 ? v.toExponential(2) : String(Number(v.toPrecision(3)));
  }
  function ofLimit(value, limit, share) {
    return limit === null ? value + " (no limit)" : value + " of " + limit + " (" + pct(share) + ")";
  }

  function setMode(mode) {
    cores.forEach(function (g) {
      var rect = g.querySelector("rect");
      rect.setAttribute("fill", rect.getAttribute("data-fill-" + mode));
    });
    links.forEach(function (line) {
      line.setAttribute("stroke-width", line.getAttribute("data-width-" + mode));
      line.setAttribute("stroke-opacity", line.getAttribute("data-opacity-" + mode));
    });
    document.querySelectorAll(".legend").forEach(function (legend) {
      legend.hidden = legend.getAttribute("data-mode") !== mode;
    });
    document.body.setAttribute("data-mode", mode);
  }

  function row(table, label, value) {
    var tr = table.insertRow();
    var th = document.createElement("th");
    th.textContent = label;
    tr.appendChild(th);
    tr.insertCell().textContent = value;
  }

  function showCore(index) {
    var c = data.cores[index];
    var l = data.limits;
    var u = c.utilisation;
    cores.forEach(function (g) {
      g.classList.toggle("selected", Number(g.getAttribute("data-core")) === index);
    });
    details.replaceChildren();

    var h = document.createElement("h2");
    h.textContent = "Core " + c.index;
    var where = document.createElement("p");
    where.textContent =
      "chip " + c.chip.join(",") + ", position " + c.position.join(",") + ", router " + c.router;
    var list = document.createElement("ul");
    list.className = "slices";
    c.slices.forEach(function (s) {
      var li = document.createElement("li");
      li.textContent = s.population + " [" + s.start + ":" + s.end + "] (" +
        (s.end - s.start) + " neurons)";
      list.appendChild(li);
    });

    var table = document.createElement("table");
    row(table, "neurons", ofLimit(c.neurons, l.neurons_per_core, u.neurons));
    row(table, "synapses", ofLimit(c.synapses, l.synapses_per_core, u.synapses));
    row(table, "synaptic memory bits",
      ofLimit(c.synaptic_memory_bits, l.synaptic_memory_bits_per_core, u.synaptic_memory));
    row(table, "fan-in axons", ofLimit(c.fan_in_axons, l.fan_in_axons_per_core, u.fan_in));
    row(table, "fan-out entries",
      ofLimit(c.fan_out_entries, l.fan_out_entries_per_core, u.fan_out));
    row(table, "routing entries", ofLimit(c.routing_entries, l.router_table_entries, u.routing));
    row(table, "tightest limit", pct(u.max));
    row(table, "spikes out (estimated)", num(c.spikes_out_hz) + " Hz");
    row(table, "messages in (estimated)", num(c.messages_in_hz) + " Hz");
    if (c.activity) {
      row(table, "spikes (measured)", String(c.activity.spikes));
      row(table, "synaptic operations (measured)", String(c.activity.syn_ops));
      row(table, "energy (measured)", num(c.activity.energy_j) + " J");
    }
    details.append(h, where, list, table);
  }

  document.querySelectorAll("input[name=colour-by]").forEach(function (input) {
    input.addEventListener("change", function () {
      if (input.checked) setMode(input.value);
    });
  });
  cores.forEach(function (g) {
    var index = Number(g.getAttribute("data-core"));
    g.addEventListener("click", function () {
      showCore(index);
    });
    g.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        showCore(index);
      }
    });
  });
  setMode(document.querySelector("input[name=colour-by]:checked").value);
})();
`;
