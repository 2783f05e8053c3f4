//! Connected components of a view: weak ones (`weak.rs`, direction ignored) and strong ones
//! (`strong.rs`: Tarjan's algorithm without recursion, and the condensation DAG between them).

mod strong;
mod weak;

pub use strong::strong_components;
pub(crate) use strong::{Condensation, strong_component_members};
pub(crate) use weak::{component_sizes, count_components, largest_component};
pub use weak::{largest_weak_component, n_weak_components, weak_components};

#[cfg(test)]
pub(crate) mod tests {
    use crate::io::{Source, load};
    use crate::view::{View, ViewSpec};

    /// Builds a view with nodes `a0`, `a1`, … `a{n-1}` (node i is actor i) and the given ties,
    /// weighted; `directed` chooses arcs or undirected edges.
    pub(crate) fn view_of(n: usize, edges: &[(u32, u32, f64)], directed: bool) -> View {
        let mut actors = String::from("id,name\n");
        for i in 0..n {
            actors.push_str(&format!("a{i:05},Actor {i}\n"));
        }
        let mut relations = String::from("source,target,layer,directed,weight\n");
        for &(from, to, weight) in edges {
            relations.push_str(&format!("a{from:05},a{to:05},ties,{directed},{weight:?}\n"));
        }
        let source = Source::Memory(vec![
            ("actors.csv".into(), actors.into_bytes()),
            ("relations.csv".into(), relations.into_bytes()),
        ]);
        let network = load(&source).expect("a valid in-memory workspace");
        View::build(&network, &ViewSpec::default()).expect("a valid view")
    }
}
