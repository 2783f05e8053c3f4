//! The layer the dependence matrix is read from when the caller names none.

use super::matrix::DEPENDENCY_LAYER;
use crate::model::{LayerId, Network};

/// The resource layer taken when there is no [`DEPENDENCY_LAYER`].
const FUNDING_LAYER: &str = "funding";

/// The default dependence layer of `network`: its `dependency` layer
/// ([`DEPENDENCY_LAYER`], ties that say who depends on whom) when it has one, else its
/// `funding` layer (a resource flow), else `None`; names match ignoring ASCII case, as
/// [`Network::layer_id`] matches them. `stakenet interdependence` without `--layer` and the
/// report's interdependence sections both follow this rule.
pub fn dependence_layer(network: &Network) -> Option<LayerId> {
    [DEPENDENCY_LAYER, FUNDING_LAYER].iter().find_map(|name| network.layer_id(name))
}
