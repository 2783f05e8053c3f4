//! The report of `stakenet report`: one self-contained HTML page and the data files behind it.
//! `page` writes the page's skeleton and `overview` and `coalition` its parts (looking things up
//! in `context`), each part built
//! as a [`section::Section`] from the [`Report`](crate::analysis::Report) that
//! [`analysis::report`](crate::analysis::report) computes; `prose` holds the explanations,
//! `style` the CSS, `charts` the bar charts, `format` small formatting helpers and `naming` the
//! files and folders.

mod change;
mod charts;
mod coalition;
mod context;
pub(super) mod format;
mod map;
mod naming;
mod overview;
mod page;
mod prose;
mod section;
mod style;

pub use charts::{Bar, BarChart, Reference, bar_chart_svg, palette, sector_colour, svg_document};
pub use coalition::CANDIDATES_IN_FILES;
pub use naming::{ReportFile, coalition_folders};
pub use page::{REPORT_MARKER, report_files};
