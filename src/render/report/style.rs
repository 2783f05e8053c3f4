//! The page's style sheet: inline CSS for screen and print.

/// The style sheet, inside `<style>`.
pub(super) const CSS: &str = "
*{box-sizing:border-box}
html{color-scheme:light}
body{margin:0;color:#1a1a1a;background:#ffffff;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}
.page{max-width:1180px;margin:0 auto;padding:32px 28px 48px}
h1{font-size:30px;line-height:1.2;margin:4px 0 10px}
h2{font-size:24px;line-height:1.25;margin:0 0 6px}
h3{font-size:17px;margin:30px 0 6px;padding-top:12px;border-top:1px solid #d0d0d0}
h4{font-size:15px;margin:16px 0 4px}
p{margin:6px 0}
a{color:#005a8c}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:12px;color:#555555;margin:0}
.lead{font-size:16px;max-width:78ch}
.explain{color:#333333;max-width:82ch;border-left:3px solid #0072B2;padding:1px 0 1px 12px;margin:8px 0 12px}
.note{color:#444444;font-style:italic;max-width:82ch}
.files{font-size:13px;color:#555555;margin-top:8px}
.files a{margin-right:6px}
.command{font-size:13px;color:#555555}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;background:#f2f2f2;padding:0 3px;border-radius:3px}
table{border-collapse:collapse;margin:8px 0 10px;font-size:13.5px}
th,td{border-bottom:1px solid #e0e0e0;padding:4px 8px;text-align:left;vertical-align:top}
th{border-bottom:2px solid #8c8c8c;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.small{font-size:12.5px;color:#333333}
td.name{min-width:18em}
td.wide{min-width:11em}
.sub{font-size:12px;color:#555555}
.two{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:8px 32px}
.scroll{overflow-x:auto}
.coalition{margin-top:64px;padding-top:20px;border-top:4px solid #1a1a1a}
.meta{color:#444444;margin:2px 0;max-width:90ch}
.id{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;color:#666666;font-weight:400}
dl.figures{display:grid;grid-template-columns:max-content 1fr;gap:3px 18px;margin:8px 0}
dl.figures dt{font-weight:600}
dl.figures dd{margin:0}
ul.compact{margin:4px 0;padding-left:20px}
.status{display:inline-block;border:1.5px solid #8c8c8c;border-radius:3px;padding:0 5px;font-size:12px;font-weight:600;line-height:1.45;white-space:nowrap}
.status.ok,.status.covered{color:#00674b;border-color:#009E73}
.status.thin,.status.fragile{color:#7a5000;border-color:#E69F00}
.status.missing,.status.gap{color:#9c3f00;border-color:#D55E00}
.diagram,.chart-box{overflow-x:auto;margin:8px 0}
.diagram svg,.chart-box svg{max-width:100%;height:auto;display:block}
.diagram{border:1px solid #e0e0e0}
nav ol{margin:4px 0;padding-left:22px}
nav ol.coalitions{columns:2;column-gap:36px;font-size:14px}
footer{margin-top:56px;padding-top:12px;border-top:1px solid #d0d0d0;font-size:13px;color:#555555}
@media (max-width:800px){nav ol.coalitions{columns:1}}
@page{margin:14mm}
@media print{
body{font-size:10pt}
.page{max-width:none;padding:0}
nav{display:none}
.coalition{break-before:page;border-top:none;margin-top:0;padding-top:0}
h2,h3,h4{break-after:avoid}
tr,dl,.diagram,.chart-box{break-inside:avoid}
a{color:inherit;text-decoration:none}
code{background:none;padding:0}
.scroll,.diagram,.chart-box{overflow:visible}
.diagram{border:none}
}
";
