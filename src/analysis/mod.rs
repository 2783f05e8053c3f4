//! Analyses: measures computed on a [`Network`](crate::Network) or a [`View`](crate::View).
//! Each returns a plain result struct keyed by actor; rendering decides the output shape.
//! No I/O, no panics on user data.

mod asymmetry;
mod brokerage;
mod centrality;
mod cohesion;
mod compare;
mod components;
mod descriptives;
mod diff;
mod ego;
mod engagement;
mod error;
mod influence;
mod interdependence;
mod kernels;
mod layout;
mod leave_one_out;
mod mixing;
mod moment;
mod multiplex;
mod multiplexity;
mod plan;
mod progress;
mod qap;
mod report;
mod structure;
mod summary;
mod suspects;
mod theme_map;
mod two_mode;
mod whatif;

pub use asymmetry::{
    ActorBalance, Asymmetry, CoalitionFinance, DyadAsymmetry, GroupFlow, LayerAsymmetry,
    actor_balance, asymmetry, coalition_finance, dyad_asymmetry, group_flows, layer_asymmetry,
    weighted_reciprocity,
};
pub use brokerage::{
    BrokerScores, Brokerage, BrokerageConfig, GroupBy, Grouping, NO_GROUP, Roles, brokerage,
    brokerage_roles, group_nodes,
};
pub use centrality::{
    ActorCentrality, BetweennessConfig, CentralityConfig, EigenvectorConfig, Measures,
    PowerIterationConfig, Sample, betweenness, centrality, centrality_with_progress, closeness,
    eigenvector, harmonic, neighbour_count, pagerank, personalized_pagerank,
};
pub use cohesion::{
    Cliques, Communities, LeidenConfig, core_numbers, leiden, maximal_cliques, modularity,
};
pub use compare::{CoalitionFigures, CoalitionShape, N_PEERS, Peer, coalition_similarity, compare};
pub use components::{
    largest_weak_component, n_weak_components, strong_components, weak_components,
};
pub use descriptives::{
    ComponentPaths, Descriptives, TRIAD_TYPES, UNDIRECTED_TRIAD_TYPES, descriptives, triad_census,
};
pub use diff::{
    ActorLabel, DEFAULT_MOVERS, Diff, DiffConfig, DiffError, DiffSide, FigureChange, LayerChange,
    MemberChange, RankMove, TieKey, TopicChange, diff, shared_actors,
};
pub use ego::{Alter, EgoNetwork, ego_network};
pub use error::AnalysisError;
pub use influence::{Influence, InfluenceReading, RatedActor, perceived_influence};
pub use interdependence::{
    ActorDependence, DEPENDENCY_LAYER, DependenceMatrix, DependencePair, DependenceSource,
    Interdependence, InterdependenceConfig, MAX_DENSE_ACTORS, dependence_layer,
    indirect_dependence, interdependence, largest_alpha, spectral_radius,
};
pub use kernels::PathLength;
pub use layout::{
    AUTO_STRESS_LIMIT, EXACT_STRESS_LIMIT, Layout, LayoutConfig, LayoutMethod,
    STRESS_SAMPLE_SOURCES, layout, normalized_stress,
};
pub use leave_one_out::{
    Evaluation, HeldOut, Position, RANKERS, Ranker, RankerSummary, SUBSETS, Subset, leave_one_out,
    leave_one_out_with_progress,
};
pub use mixing::{EiTest, GroupMixing, Mixing, MixingConfig, mixing};
pub use moment::{Moment, MomentBasis, coalition_moment, moment};
pub use multiplex::{
    ActorLayers, LayerMeasures, LayerOverlap, Multiplex, layer_views, multiplex, multiplex_of,
};
pub use multiplexity::multiplexity;
pub use plan::{
    Connectieplan, Counterpart, CounterpartSource, PlanConfig, PlanTie, PlanTopic, ProposalGoal,
    ProposedTie, RegionalBasis, RegionalOwner, TieMatch, TopicStatus, connectieplan,
};
pub use progress::Progress;
pub use qap::{
    Dyads, MAX_QAP_ACTORS, PermutationTest, QapCoefficient, QapConfig, QapCorrelation,
    QapRegression, qap_correlation, qap_regression,
};
pub use report::{
    AsymmetryFinding, CoalitionReport, InterdependenceFinding, Overview, Report, ReportError,
    ReportSource, all_coalitions, report,
};
pub use report::{Baseline, BaselineFinding, CoalitionChange, ReportConfig, report_with};
// Configuration data of `suspects` and `compare`, kept here under their analysis paths too.
pub use crate::model::{DEFAULT_MINISTRY_KEYWORDS, MinistryRule, Profile, ScoreWeights};
pub use structure::{
    GraphStructure, density_and_degree_centralization, graph_structure, graph_structure_with,
    reciprocity_and_hierarchy,
};
pub use summary::{CoalitionSummary, LayerSummary, Summary, summarize};
pub use suspects::{
    Candidate, CandidateReason, Category, CoverageLine, CoverageStatus, MissingMinistry, Suspects,
    is_ministry, jaccard, suspects, theme_words,
};
pub use theme_map::ministries_for_theme;
pub use two_mode::{
    ModeValues, TwoModeCentrality, TwoModeScores, two_mode_betweenness, two_mode_centrality,
    two_mode_centrality_with_progress, two_mode_closeness, two_mode_degree,
};
pub use whatif::{KeyPlayer, KeyPlayers, WhatIf, counterfactual, key_players, whatif, whatif_rank};
