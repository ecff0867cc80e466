namespace TaceCds.Report;

/// <summary>
/// The report's only stylesheet, inlined: system fonts, no external resource. Screen: the window's width, two columns
/// from 1200 px, text at projector size (charts ≥ 12 px), tables that wrap instead of overflowing. Print: A4, each
/// patient on a new named page with a running header (PrintHeaders), charts and cards never split; colours also carry
/// a text label (category, status), never colour alone.
/// </summary>
internal static class BoardStyles
{
    public const string Css = """
:root { --pd: #c0392b; --pr: #1e8449; --sd: #b9770e; --cr: #117a65; --muted: #566573; --line: #d5d8dc; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: #1b2631; margin: 0; background: #eef0f2; }
main { max-width: 1900px; margin: 0 auto; padding: 0 8px; }
.page { background: #fff; padding: 16px 20px; margin: 8px 0; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 21px; margin: 0; } h3 { font-size: 17px; margin: 14px 0 6px; border-bottom: 1px solid var(--line); }
h4 { font-size: 15px; margin: 8px 0 2px; }
p, ul { overflow-wrap: anywhere; }
.patient-ref, .muted, .unit, .url, .note-resource, .note-date, .rule-title, .citation, .sources { color: var(--muted); font-weight: normal; font-size: 13px; }
.rule-title, .decision { margin: 0 0 2px; } .decision { font-weight: 600; }
.url, .fhir-ref { overflow-wrap: anywhere; word-break: break-word; }
cite.fhir-ref { font-style: normal; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; color: #34495e; }
.facts-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 4px 14px; margin: 6px 0; }
.facts-grid dt { color: var(--muted); font-size: 12px; } .facts-grid dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.urgency { margin: 4px 0; padding: 3px 8px; border-left: 5px solid var(--line); font-weight: 600; }
.urgency-critical { border-color: var(--pd); background: #fdedec; } .urgency-warning { border-color: var(--sd); background: #fef5e7; }
.urgency-info { border-color: #2e86c1; background: #ebf5fb; }
.level { font-weight: 700; text-transform: uppercase; font-size: 12px; }
.level-critical { color: var(--pd); } .level-warning { color: var(--sd); } .level-info { color: #2e86c1; } .level-none { color: var(--muted); }
.patient-body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 28px; }
@media screen and (min-width: 1200px) { .patient-body { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
.column { min-width: 0; }
figure { margin: 8px 0; } figcaption { font-weight: 600; margin-bottom: 2px; }
.chart-block, .card, .definition, .model, table, .lesion { break-inside: avoid; }
.chart-and-table { display: grid; grid-template-columns: minmax(0, 1fr); gap: 6px; align-items: start; }
.chart { display: block; width: 100%; height: auto; }
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 6px; }
table.data { border-collapse: collapse; width: 100%; font-size: 13px; }
table.data caption { text-align: left; font-weight: 600; font-size: 13px; padding-top: 4px; }
table.data th, table.data td { border-bottom: 1px solid var(--line); padding: 2px 5px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
table.data th { background: #f4f6f7; overflow-wrap: normal; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.date { white-space: nowrap; }
table.criteria td:nth-child(2) { white-space: nowrap; }
tr.score-group th { background: #eaf2f8; }
.trend-table { margin-top: 4px; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 2px 14px; margin: 2px 0 4px; padding: 0; font-size: 13px; }
.legend li { display: inline-flex; align-items: center; gap: 5px; }
.swatch { display: inline-block; width: 14px; height: 14px; flex: none; }
.swatch.dot { border-radius: 50%; border: 1.5px solid #2c3e50; background: #fff; }
.swatch.line { height: 0; border-top: 2px dashed #2c3e50; } .swatch.line.nadir { border-top: 2px dotted var(--pd); } .swatch.line.as-of { border-top: 2px dashed #7d3c98; }
.swatch.strip { height: 7px; } .swatch.strip.band-pr { background: #d5f5e3; border-top: 1.5px solid var(--pr); } .swatch.strip.band-pd { background: #fadbd8; border-bottom: 1.5px solid var(--pd); }
.swatch.tri { width: 0; height: 0; border-left: 7px solid transparent; border-right: 7px solid transparent; border-bottom: 12px solid #1f618d; }
.swatch.diamond { width: 10px; height: 10px; transform: rotate(45deg); background: #7d3c98; margin: 0 2px; }
.swatch.bar { height: 9px; border-radius: 3px; background: #a569bd; }
.swatch.cat-PD { background: var(--pd); } .swatch.cat-PR { background: var(--pr); } .swatch.cat-SD { background: var(--sd); }
.swatch.cat-CR { background: var(--cr); } .swatch.cat-baseline { background: #2c3e50; } .swatch.cat-assessed { background: #aab7b8; }
.axis { stroke: #566573; stroke-width: 1; } .grid { stroke: #eaeded; stroke-width: 1; }
.chart text { font-family: inherit; }
.tick { fill: #4d5656; font-size: 13px; } .row-label { font-size: 13px; font-weight: 600; fill: #34495e; }
.series { fill: none; stroke: #2c3e50; stroke-width: 1.5; }
.point { fill: #2c3e50; stroke: #fff; stroke-width: 1; }
.band-pd { fill: #fadbd8; } .band-pr { fill: #d5f5e3; } .band-ok { fill: #e8f8f5; }
.threshold-pd { stroke: var(--pd); stroke-width: 1; } .threshold-pr { stroke: var(--pr); stroke-width: 1; }
.band-label { fill: #4d5656; font-size: 13px; }
.baseline { stroke: #2c3e50; stroke-dasharray: 5 3; } .nadir { stroke: var(--pd); stroke-dasharray: 2 2; }
.as-of { stroke: #7d3c98; stroke-dasharray: 3 2; } .tace-line { stroke: #aab7b8; stroke-dasharray: 1 2; }
.tace-marker, .event.tace path { fill: #1f618d; } .event.therapy path { fill: #7d3c98; } .event.systemic rect { fill: #a569bd; }
.event.exam circle { fill: #fff; stroke: #2c3e50; stroke-width: 1.5; } .event-label { font-size: 13px; fill: #34495e; }
.point-label { font-size: 13px; font-weight: 700; fill: #2c3e50; }
circle.cat-PD, .event.cat-PD circle { fill: var(--pd); } circle.cat-PR, .event.cat-PR circle { fill: var(--pr); }
circle.cat-SD, .event.cat-SD circle { fill: var(--sd); } circle.cat-CR, .event.cat-CR circle { fill: var(--cr); }
circle.cat-baseline, .event.cat-baseline circle { fill: #2c3e50; } .event.cat-assessed circle { fill: #aab7b8; }
text.cat-PD, td.cat-PD { fill: var(--pd); color: var(--pd); font-weight: 700; } text.cat-PR, td.cat-PR { fill: var(--pr); color: var(--pr); }
.nadir-point { stroke: var(--pd); stroke-width: 2.5; }
.trend-title { font-weight: 700; font-size: 13px; fill: #1b2631; } .trend-last { font-size: 13px; fill: #1b2631; }
.chart text.empty { font-size: 13px; fill: var(--muted); }
.card { border: 1px solid var(--line); border-left: 5px solid #2e86c1; padding: 3px 10px; margin: 6px 0; }
.card-critical { border-left-color: var(--pd); } .card-warning { border-left-color: var(--sd); }
.indicator { text-transform: uppercase; font-size: 11px; padding: 0 4px; border-radius: 2px; background: #eaeded; }
.card-critical .indicator { background: var(--pd); color: #fff; } .card-warning .indicator { background: var(--sd); color: #fff; }
.card-detail { overflow-wrap: anywhere; } .card-detail p { margin: 3px 0; } .card-detail table { border-collapse: collapse; font-size: 13px; }
.card-detail td, .card-detail th { border-bottom: 1px solid var(--line); padding: 1px 6px; text-align: left; }
.citation { margin: 2px 0; }
.status { font-size: 12px; padding: 0 5px; border-radius: 2px; background: #eaeded; font-weight: 600; white-space: nowrap; }
.status-met { background: var(--pd); color: #fff; } .status-not-met { background: #d5f5e3; } .status-insufficient-data { background: #fef5e7; }
.status-applicable { background: #d6eaf8; } .status-not-applicable { background: #eaeded; }
.list-title { margin: 2px 0 0; font-weight: 600; } ul { margin: 0 0 2px; padding-left: 18px; }
.members { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 2px 12px; margin: 2px 0; }
.members dt { color: var(--muted); font-size: 12px; } .members dd { margin: 0; overflow-wrap: anywhere; }
.model-why { margin: 0 0 4px; }
.empty { color: var(--muted); font-style: italic; }
.cover table.data { font-size: 14px; } .cover td:nth-child(3) { white-space: nowrap; } .cover td, .cover th { padding: 3px 6px; }
footer.disclaimer { color: var(--muted); font-size: 12px; margin-top: 8px; }
.print-only { display: none; }
@media (max-width: 700px) {
  .page { padding: 10px; }
  td.date, table.criteria td:nth-child(2), .cover td:nth-child(3) { white-space: normal; }
  table.data { font-size: 12px; }
}
@page { size: A4; margin: 13mm 10mm 11mm 10mm;
  @top-left { font: 9pt system-ui, "DejaVu Sans", sans-serif; color: #1b2631; }
  @top-right { font: 8pt system-ui, "DejaVu Sans", sans-serif; color: #566573; }
  @bottom-right { font: 8pt system-ui, "DejaVu Sans", sans-serif; color: #566573; } }
@media print {
  body { background: #fff; font-size: 7.6pt; line-height: 1.25; }
  main { max-width: none; padding: 0; }
  .page { margin: 0; padding: 0; }
  section.patient { break-before: page; }
  a { color: inherit; text-decoration: none; }
  .screen-only, .screen-only-inline, .rule-title { display: none; } .print-only { display: block; }
  table.issues-table:not(:has(tbody tr:not(.screen-only))) { display: none; }
  h1 { font-size: 15pt; } h2 { font-size: 12pt; } h3 { font-size: 9.5pt; margin: 5px 0 2px; } h4 { font-size: 8pt; margin: 3px 0 1px; }
  .patient-ref, .muted, .unit, .url, .note-resource, .note-date, .rule-title, .citation, .sources, .legend, .facts-grid dt, .members dt { font-size: 6.8pt; }
  table.data, table.data caption, .cover table.data, .card-detail table { font-size: 6.9pt; }
  table.data th, table.data td { padding: 0 3px; }
  .status, .indicator, .level { font-size: 6.5pt; }
  .facts-grid { grid-template-columns: repeat(4, 1fr); gap: 1px 8px; margin: 3px 0; }
  .chart-and-table { grid-template-columns: minmax(0, 11fr) minmax(0, 9fr); gap: 8px; }
  .multiples { grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 2px 4px; }
  .trend-chart text { font-size: 20px; } .trend-chart .trend-last { font-size: 18px; } .trend-chart .tick { font-size: 14px; }
  table.criteria th:first-child, table.criteria td:first-child, table.inputs-table, .definition .citation a { display: none; }
  .legend { gap: 0 8px; margin: 0 0 2px; } .swatch { width: 9px; height: 9px; } .swatch.strip { height: 5px; }
  .card { padding: 1px 6px; margin: 2px 0; } .urgency { margin: 2px 0; padding: 1px 6px; }
  figure { margin: 3px 0; }
  .definition, .model, table.data { break-inside: auto; } tr { break-inside: avoid; }
  .definitions, .rules-tail { columns: 2; column-gap: 12px; } .definitions h3 { column-span: all; }
  .rules-tail h3 { break-after: avoid; }
  /* The rule footer of a card detail (after its rule line) repeats the card's source line printed below it. */
  .card-detail hr, .card-detail hr ~ * { display: none; }
  .members { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
""";
}
