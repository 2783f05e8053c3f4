//! Layers: the kinds of relation (collaboration, funding, mandate, …), each with its direction.

/// The name of the layer derived from shared coalition membership.
pub const COMEMBERSHIP: &str = "comembership";

/// The name of the layer derived from shared coalition membership weighted as Newman (2001):
/// each shared coalition of n members adds 1 / (n − 1).
pub const COMEMBERSHIP_NEWMAN: &str = "comembership-newman";

/// The names of the derived layers, which no relation layer may take.
pub const DERIVED_LAYERS: [&str; 2] = [COMEMBERSHIP, COMEMBERSHIP_NEWMAN];

/// Well-known layer names (any other name is a layer too).
pub const WELL_KNOWN_LAYERS: &[&str] =
    &["collaboration", "funding", "information", "mandate", "reporting", "dependency"];

/// One relation type of a multiplex network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layer {
    /// Its name as written in `relations.csv`.
    pub name: String,
    /// True when at least one of its relations is directed.
    pub directed: bool,
    /// Number of relations in the layer.
    pub n_relations: usize,
}

/// Whether a relation of this layer is directed when the `directed` column leaves it open:
/// `collaboration` is undirected, every other layer directed (DESIGN §1).
pub fn directed_by_default(layer_name: &str) -> bool {
    !layer_name.eq_ignore_ascii_case("collaboration")
}
