//! The exact text of errors that no command produces but a caller of the library can meet: the
//! parameter checks of the public analysis functions, a view too large to build, and an
//! iteration that does not converge. (Messages a command or a workspace can produce are
//! asserted where that command or loader is tested.)

use nalgebra::DMatrix;
use stakenet::analysis::{
    AnalysisError, BetweennessConfig, DependenceMatrix, EigenvectorConfig, Grouping,
    InterdependenceConfig, PowerIterationConfig, Sample, asymmetry, betweenness, brokerage_roles,
    eigenvector, interdependence, multiplex, multiplexity, pagerank, personalized_pagerank,
};
use stakenet::{ActorId, LayerChoice, LayerId, Network, View, ViewError, ViewSpec};

use crate::common::tiny;

/// The view of `layers` (by name; `None` for the default) over every actor of `fixtures/tiny`.
fn view(network: &Network, layers: Option<&[&str]>) -> View {
    let spec = match layers {
        Some(names) => ViewSpec::default()
            .with_layers(names.iter().map(|n| LayerChoice::Explicit(network.layer_id(n).unwrap()))),
        None => ViewSpec::default(),
    };
    View::build(network, &spec).unwrap()
}

/// The message of an [`AnalysisError::InvalidParameter`], failing on anything else.
#[track_caller]
fn invalid<T: std::fmt::Debug>(result: Result<T, AnalysisError>) -> String {
    match result {
        Err(error @ AnalysisError::InvalidParameter(_)) => error.to_string(),
        other => panic!("expected an invalid parameter, got {other:?}"),
    }
}

#[test]
fn centrality_parameters_are_checked_with_clear_messages() {
    let network = tiny();
    let all = view(&network, None);
    let n = all.n_nodes();
    let damped = PowerIterationConfig::default().with_alpha(1.5);
    assert_eq!(
        invalid(pagerank(&all, &damped)),
        "the PageRank damping factor must be between 0 and 1, not 1.5"
    );
    let loose = PowerIterationConfig::default().with_tolerance(Some(0.0));
    assert_eq!(
        invalid(pagerank(&all, &loose)),
        "a convergence tolerance must be a positive number, not 0"
    );
    let eigen = EigenvectorConfig::default().with_tolerance(-1.0);
    assert_eq!(
        invalid(eigenvector(&all, &eigen)),
        "a convergence tolerance must be a positive number, not -1"
    );
    assert_eq!(
        invalid(personalized_pagerank(&all, &PowerIterationConfig::default(), &[1.0])),
        format!("personalization needs {n} finite, non-negative values with a positive sum")
    );
    let sampled = BetweennessConfig::default().with_sample(Sample::new(0, 1));
    assert_eq!(invalid(betweenness(&all, &sampled)), "betweenness sampling needs at least 1 pivot");
}

#[test]
fn an_iteration_that_stops_short_says_so() {
    let network = tiny();
    let all = view(&network, None);
    let short = PowerIterationConfig::default().with_max_iterations(2);
    let message = match pagerank(&all, &short) {
        Err(error @ AnalysisError::NotConverged { .. }) => error.to_string(),
        other => panic!("expected no convergence, got {other:?}"),
    };
    // The residual is whatever two iterations leave, written as 1.2345e-2.
    assert!(
        message.starts_with("pagerank did not converge after 2 iterations (residual "),
        "{message}"
    );
    assert!(message.ends_with("); raise max_iterations or check the network"), "{message}");
    let residual = &message["pagerank did not converge after 2 iterations (residual ".len()
        ..message.len() - "); raise max_iterations or check the network".len()];
    assert!(residual.contains('e') && residual.parse::<f64>().is_ok_and(|r| r > 0.0), "{residual}");
}

#[test]
fn views_given_per_layer_must_be_one_layer_each_over_the_same_actors() {
    let network = tiny();
    let both = view(&network, Some(&["funding", "collaboration"]));
    let funding = view(&network, Some(&["funding"]));
    let groups = Grouping::new(vec![0; funding.n_nodes()], vec!["all".to_owned()]).unwrap();
    assert_eq!(
        invalid(multiplex(std::slice::from_ref(&both))),
        "multiplex measures need one view per layer; a view holds 2 layers"
    );
    assert_eq!(
        invalid(multiplex(&[funding.clone(), funding.clone()])),
        "layer #0 is chosen twice; choose each layer once"
    );
    let deal = network.coalition_id("deal_x").unwrap();
    let in_deal = View::build(
        &network,
        &ViewSpec::coalition(deal).with_layers(vec![LayerChoice::Explicit(LayerId::from_index(1))]),
    )
    .unwrap();
    assert_eq!(
        invalid(multiplex(&[funding.clone(), in_deal.clone()])),
        "the layer views cover different actors; build them with the same scope, level and date"
    );
    assert_eq!(
        invalid(multiplexity(&[funding.clone(), in_deal])),
        "layer overlap needs views of the same nodes"
    );
    assert_eq!(
        invalid(multiplexity(&[funding.clone(), funding.clone()])),
        "layer #0 is chosen twice; choose each layer once"
    );
    assert_eq!(
        invalid(asymmetry(&network, std::slice::from_ref(&both), &groups, &[])),
        "asymmetry needs one view per layer; a view holds 2 layers"
    );
    assert_eq!(
        invalid(asymmetry(&network, &[funding.clone(), funding], &groups, &[])),
        "layer #0 is chosen twice; choose each layer once"
    );
}

#[test]
fn groupings_need_one_group_in_range_per_node() {
    let network = tiny();
    let funding = view(&network, Some(&["funding"]));
    let n = funding.n_nodes();
    let labels = vec!["all".to_owned()];
    let slice = std::slice::from_ref(&funding);
    let none = Grouping::new(Vec::new(), labels.clone()).unwrap();
    assert_eq!(
        invalid(asymmetry(&network, slice, &none, &[])),
        format!("groups has 0 entries for a view of {n} nodes; give one per node")
    );
    let mut groups = vec![0; n];
    groups[0] = 5;
    assert_eq!(
        invalid(Grouping::new(groups.clone(), labels.clone())),
        "group 5 is out of range: there are 1 groups"
    );
    // A grouping built field by field is checked by the analysis all the same.
    let unchecked = Grouping { of_node: groups, labels: labels.clone() };
    assert_eq!(
        invalid(asymmetry(&network, slice, &unchecked, &[])),
        "group 5 is out of range: there are 1 groups"
    );
    let one = Grouping::new(vec![0], labels).unwrap();
    assert_eq!(
        invalid(brokerage_roles(&funding, &one)),
        format!("brokerage needs one group per node: the view has {n} nodes, the grouping 1")
    );
}

#[test]
fn dependence_matrices_given_directly_are_checked() {
    let actors: Vec<ActorId> = (0..3).map(ActorId::from_index).collect();
    let cell = |i: usize, j: usize, x: f64| {
        let mut dense = DMatrix::<f64>::zeros(3, 3);
        dense[(i, j)] = x;
        dense
    };
    assert_eq!(
        invalid(DependenceMatrix::from_dense(actors.clone(), DMatrix::zeros(2, 3))),
        "a dependence matrix for 3 actors must be 3 × 3, not 2 × 3"
    );
    assert_eq!(
        invalid(DependenceMatrix::from_dense(actors.clone(), cell(0, 1, 1.5))),
        "dependence D[0][1] = 1.5 is outside [0, 1]"
    );
    assert_eq!(
        invalid(DependenceMatrix::from_dense(actors.clone(), cell(2, 2, 0.5))),
        "dependence D[2][2] = 0.5: an actor cannot depend on itself"
    );
    let d = DependenceMatrix::from_dense(actors, cell(0, 1, 0.5)).unwrap();
    assert_eq!(
        invalid(interdependence(&d, &InterdependenceConfig::new(-0.1))),
        "α = -0.1: α must be a finite number ≥ 0"
    );
    // One actor more than the dense limit, each depending on the next.
    let n = stakenet::analysis::MAX_DENSE_ACTORS + 1;
    let chain = DMatrix::<f64>::from_fn(n, n, |i, j| if j == i + 1 { 1.0 } else { 0.0 });
    let actors: Vec<ActorId> = (0..n).map(ActorId::from_index).collect();
    assert_eq!(
        invalid(DependenceMatrix::from_dense(actors, chain)),
        "5001 actors have a dependence; at most 5000 are supported"
    );
}

#[test]
fn a_view_beyond_u32_indices_is_refused_with_what_to_do() {
    // Building one needs more than 4 × 10⁹ arcs; the message is checked on the error itself.
    let error = ViewError::TooLarge { n_arcs: 5_000_000_000 };
    assert_eq!(
        error.to_string(),
        "the selection has 5000000000 arcs; a view holds at most 4294967295 (choose fewer layers \
         or a coalition)"
    );
}
