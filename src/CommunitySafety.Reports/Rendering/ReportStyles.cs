namespace CommunitySafety.Reports.Rendering;

/// <summary>The report's stylesheet, inlined in every HTML report (screen and A4 print).</summary>
public static class ReportStyles
{
    /// <summary>The CSS.</summary>
    public const string Css = """
        :root { --blue: #12436D; --turquoise: #28A197; --pink: #801650; --orange: #F46A25; --grey: #3D3D3D; }
        html { font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; font-size: 16px; color: #0b0c0c; line-height: 1.45; }
        body { margin: 0; background: #fff; }
        .csp-report { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
        h1, h2, h3, h4, h5 { color: #0b0c0c; line-height: 1.25; break-after: avoid; page-break-after: avoid; }
        h1.csp-title { font-size: 1.9rem; margin: 1rem 0 0.75rem; }
        h2 { font-size: 1.45rem; margin: 2rem 0 0.6rem; border-bottom: 2px solid var(--blue); padding-bottom: 0.2rem; }
        h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
        h4 { font-size: 1.05rem; margin: 1.25rem 0 0.4rem; }
        .csp-num { color: var(--blue); margin-right: 0.25rem; }
        p, li { max-width: 48rem; }
        a { color: #1d70b8; }
        .csp-banner { border: 3px solid #0b0c0c; padding: 0.5rem 1rem; margin-bottom: 1rem; text-align: center; }
        .csp-banner p { margin: 0.25rem auto; font-size: 0.9rem; }
        .csp-banner .csp-banner__title { font-weight: 700; font-size: 1.15rem; text-transform: uppercase; letter-spacing: 0.02em; }
        .csp-front { display: grid; grid-template-columns: 1fr; margin: 0 0 1rem; border-top: 1px solid #b1b4b6; }
        .csp-front div { display: grid; grid-template-columns: 12rem 1fr; border-bottom: 1px solid #b1b4b6; padding: 0.35rem 0; }
        .csp-front dt { font-weight: 700; }
        .csp-front dd { margin: 0; }
        .csp-warning { border-left: 8px solid var(--orange); background: #fdf0e8; padding: 0.6rem 1rem; margin: 1rem 0; }
        .csp-variant { font-weight: 700; }
        .csp-callout { border-left: 6px solid var(--blue); background: #eef3f8; padding: 0.5rem 1rem; margin: 1rem 0; }
        .csp-attribution { font-size: 0.9rem; color: #505a5f; margin-top: -0.4rem; }
        .csp-markdown blockquote { border-left: 4px solid #b1b4b6; margin: 0.5rem 0; padding-left: 1rem; font-style: italic; }
        .csp-table-wrap { margin: 0.75rem 0 1.25rem; overflow-x: auto; }
        .csp-table-wrap--keep { break-inside: avoid; page-break-inside: avoid; }
        .csp-table thead { display: table-header-group; }
        .csp-table-wrap:focus { outline: 3px solid #ffdd00; outline-offset: 0; }
        table.csp-table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
        .csp-table caption { text-align: left; font-weight: 700; font-size: 0.95rem; padding-bottom: 0.35rem; caption-side: top; }
        .csp-table th, .csp-table td { border-bottom: 1px solid #b1b4b6; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
        .csp-table thead th { border-bottom: 2px solid #0b0c0c; background: #f3f2f1; }
        .csp-table tbody th { font-weight: 400; }
        .csp-table .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .csp-table tr.total th, .csp-table tr.total td { font-weight: 700; }
        .csp-table tr { break-inside: avoid; page-break-inside: avoid; }
        .csp-table-note { font-size: 0.8rem; color: #505a5f; margin: 0.25rem 0; }
        .st-good { background: #d2e1ef; }
        .st-bad { background: #fcd9c6; }
        .st-amber { background: #ffe9a8; }
        .st-neutral { background: #ededed; }
        .st-nojudgement { background: #e6def4; }
        .st-suppressed { color: #505a5f; }
        .csp-figure { margin: 1rem 0 0.25rem; break-inside: avoid; page-break-inside: avoid; }
        .csp-figure__title { font-weight: 700; font-size: 1rem; margin-bottom: 0.4rem; }
        .csp-chart svg { max-width: 100%; height: auto; display: block; }
        .csp-figure__desc { font-size: 0.85rem; color: #505a5f; margin: 0.25rem 0 0; }
        .csp-figure__axis { font-size: 0.85rem; font-weight: 700; margin: 0.25rem 0 0; }
        details.csp-data { margin: 0.25rem 0 1rem; }
        details.csp-data > summary { cursor: pointer; color: #1d70b8; text-decoration: underline; }
        details.csp-data > summary:focus { outline: 3px solid #ffdd00; }
        .csp-print-only { display: none; }
        .csp-signed { margin-top: 2rem; font-weight: 700; }
        @page { size: A4; }
        @media print {
          html { font-size: 11pt; }
          .csp-report { max-width: none; padding: 0; }
          h2 { margin-top: 1.2rem; }
          a { color: #0b0c0c; }
          .csp-table-wrap { overflow: visible; }
          details.csp-data { display: none; }
          table.csp-table { font-size: 8.5pt; }
          .csp-print-only { display: block; }
          .csp-chart svg { max-height: 62mm; width: auto; margin: 0 auto; }
          .csp-figure__desc { display: none; }
          .csp-map .csp-chart svg { max-height: 105mm; }
        }
        """;
}
