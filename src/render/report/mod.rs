//! The report of `stakenet report`: one self-contained HTML page and the data files behind it
//! (`page`), with its bar charts (`charts`).

mod charts;
mod page;

pub use charts::{Bar, BarChart, Reference, bar_chart_svg, palette, sector_colour, svg_document};
pub use page::{
    AsymmetryFinding, CANDIDATES_IN_FILES, CoalitionReport, InterdependenceFinding, Overview,
    REPORT_MARKER, Report, ReportFile, coalition_folders, report_files,
};
