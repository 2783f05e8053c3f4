//! The network map of issue 19: who is tied to whom, by group, measure and layer. `options`
//! holds what is asked, `model` what the map shows (built from a view, with the layout engine
//! placing the actors), `colours`, `sizes`, `edges`, `labels` and `nest` its parts, `svg`
//! draws it and `html` makes an interactive page of the drawing.
//!
//! ```
//! use stakenet::render::{MapModel, MapOptions, map_svg};
//! use stakenet::{Source, View, ViewSpec, load};
//!
//! let network = load(&Source::Bundled).expect("the bundled workspace is valid");
//! let spec = ViewSpec::default();
//! let view = View::build(&network, &spec).expect("a valid selection");
//! let model = MapModel::build(&network, &spec, &view, &MapOptions::default()).expect("a map");
//! assert!(map_svg(&model).contains("<svg"));
//! ```

mod colours;
mod edges;
mod error;
mod html;
mod labels;
mod model;
mod nest;
mod options;
mod sizes;
mod svg;

pub use colours::{MapGroup, OTHER_GROUP};
pub use edges::{MapEdge, MapLayer};
pub use error::MapError;
pub use html::map_html;
pub use labels::{Label, Rect};
pub use model::{MapModel, MapNode, PIXELS_PER_HOP};
pub use nest::Hull;
pub use options::{DEFAULT_LABELS, Ego, MapOptions, SizeBy};
pub use svg::{map_svg, map_svg_element};
