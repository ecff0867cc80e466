namespace TaceCds.Report;

/// <summary>
/// The report's only stylesheet, inlined: system fonts, no external resource. Print: A4, each patient on a new page,
/// charts and cards never split across pages; colours also carry a text label (category, status), never colour alone.
/// </summary>
internal static class BoardStyles
{
    public const string Css = """
:root { --pd: #c0392b; --pr: #1e8449; --sd: #b9770e; --cr: #117a65; --muted: #5d6d7e; --line: #d5d8dc; }
* { box-sizing: border-box; }
body { font: 12px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: #1b2631; margin: 0; background: #eef0f2; }
main { max-width: 210mm; margin: 0 auto; }
.page { background: #fff; padding: 10mm 12mm; margin: 8px 0; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 0; } h3 { font-size: 13px; margin: 10px 0 4px; border-bottom: 1px solid var(--line); }
h4 { font-size: 12px; margin: 6px 0 2px; }
.patient-ref, .muted, .unit, .url, .note-resource, .note-date { color: var(--muted); font-weight: normal; font-size: 11px; }
.url { word-break: break-all; }
.facts-grid { display: grid; grid-template-columns: repeat(4, 1fr); gap: 4px 10px; margin: 6px 0; }
.facts-grid dt { color: var(--muted); font-size: 10px; } .facts-grid dd { margin: 0; font-weight: 600; }
.urgency { margin: 4px 0; padding: 3px 8px; border-left: 5px solid var(--line); font-weight: 600; }
.urgency-critical { border-color: var(--pd); background: #fdedec; } .urgency-warning { border-color: var(--sd); background: #fef5e7; }
.urgency-info { border-color: #2e86c1; background: #ebf5fb; }
.level { font-weight: 700; text-transform: uppercase; font-size: 10px; }
.level-critical { color: var(--pd); } .level-warning { color: var(--sd); } .level-info { color: #2e86c1; } .level-none { color: var(--muted); }
figure { margin: 6px 0; } figcaption { font-weight: 600; margin-bottom: 2px; }
.chart-block, .card, .definition, .model, table { break-inside: avoid; }
.chart-and-table { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 8px; align-items: start; }
.response-table td, .response-table th { padding: 1px 2px; }
td.date { white-space: nowrap; }
.chart-and-table.response { grid-template-columns: minmax(0, 5fr) minmax(0, 4fr); }
.chart { width: 100%; height: auto; font-size: 9px; }
.multiples { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4px; }
table.data { border-collapse: collapse; width: 100%; font-size: 10px; }
table.data th, table.data td { border-bottom: 1px solid var(--line); padding: 1px 4px; text-align: left; vertical-align: top; }
table.data th { background: #f4f6f7; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.trend-table { margin-top: 4px; }
.axis { stroke: #566573; stroke-width: 1; } .grid { stroke: #eaeded; stroke-width: 1; }
.tick { fill: var(--muted); font-size: 8px; } .row-label { font-size: 10px; font-weight: 600; fill: #34495e; }
.series { fill: none; stroke: #2c3e50; stroke-width: 1.5; }
.point { fill: #2c3e50; stroke: #fff; stroke-width: 1; }
.band-pd { fill: #fadbd8; opacity: .7; } .band-pr { fill: #d5f5e3; opacity: .8; } .band-ok { fill: #e8f8f5; }
.band-label { fill: var(--muted); font-size: 8px; }
.baseline { stroke: #2c3e50; stroke-dasharray: 5 3; } .nadir { stroke: var(--pd); stroke-dasharray: 2 2; }
.as-of { stroke: #7d3c98; stroke-dasharray: 3 2; } .tace-line { stroke: #aab7b8; stroke-dasharray: 1 2; }
.tace-marker, .event.tace path { fill: #1f618d; } .event.therapy path { fill: #7d3c98; } .event.systemic rect { fill: #a569bd; }
.event.exam circle { fill: #fff; stroke: #2c3e50; stroke-width: 1.5; } .event-label { font-size: 8px; fill: #34495e; }
.point-label { font-size: 9px; font-weight: 700; fill: #2c3e50; }
circle.cat-PD, .event.cat-PD circle { fill: var(--pd); } circle.cat-PR, .event.cat-PR circle { fill: var(--pr); }
circle.cat-SD, .event.cat-SD circle { fill: var(--sd); } circle.cat-CR, .event.cat-CR circle { fill: var(--cr); }
circle.cat-baseline, .event.cat-baseline circle { fill: #2c3e50; }
text.cat-PD, td.cat-PD { fill: var(--pd); color: var(--pd); font-weight: 700; } text.cat-PR, td.cat-PR { fill: var(--pr); color: var(--pr); }
.nadir-point { stroke: var(--pd); stroke-width: 2; }
.trend-title { font-weight: 700; font-size: 10px; fill: #1b2631; } .trend-last { font-size: 9px; fill: #1b2631; }
.card { border: 1px solid var(--line); border-left: 5px solid #2e86c1; padding: 3px 8px; margin: 4px 0; }
.card-critical { border-left-color: var(--pd); } .card-warning { border-left-color: var(--sd); }
.indicator { text-transform: uppercase; font-size: 9px; padding: 0 4px; border-radius: 2px; background: #eaeded; }
.card-critical .indicator { background: var(--pd); color: #fff; } .card-warning .indicator { background: var(--sd); color: #fff; }
.card-detail p { margin: 2px 0; } .citation { color: var(--muted); font-size: 10px; margin: 2px 0; }
.status { font-size: 10px; padding: 0 5px; border-radius: 2px; background: #eaeded; }
.status-met { background: var(--pd); color: #fff; } .status-not-met { background: #d5f5e3; } .status-insufficient-data { background: #fef5e7; }
.list-title { margin: 2px 0 0; font-weight: 600; } ul { margin: 0 0 2px; padding-left: 16px; }
.two-columns { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
.members { display: grid; grid-template-columns: auto 1fr; gap: 0 8px; margin: 0; } .members dd { margin: 0; }
.empty { color: var(--muted); font-style: italic; }
.cover table.data { font-size: 11px; } .cover td:nth-child(3) { white-space: nowrap; } .cover td, .cover th { padding: 3px 6px; }
footer.disclaimer { color: var(--muted); font-size: 10px; margin-top: 8px; }
@page { size: A4; margin: 10mm; }
@media print {
  body { background: #fff; font-size: 10.5px; }
  .page { margin: 0; padding: 0; }
  section.patient { break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
}
""";
}
