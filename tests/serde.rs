//! The `serde` feature: analysis results serialize with serde, ids as their index and
//! vocabularies and classifications by their snake_case names (`fixtures/tiny`).

use serde_json::json;
use stakenet::analysis::{
    CentralityConfig, GroupBy, PlanConfig, asymmetry, centrality, connectieplan, group_nodes,
    layer_views, summarize,
};
use stakenet::{CoalitionId, LayerChoice, View, ViewSpec};

use crate::common::tiny;

#[test]
fn a_centrality_result_serializes_with_actor_indices() {
    let network = tiny();
    let view = View::build(&network, &ViewSpec::default()).unwrap();
    let scores = centrality(&view, &CentralityConfig::default()).unwrap();
    let json = serde_json::to_value(&scores).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), scores.len());
    for (row, score) in rows.iter().zip(&scores) {
        assert_eq!(row["actor"], json!(score.actor.index()));
        assert_eq!(row["degree"], json!(score.degree));
        assert_eq!(row["strength"], json!(score.strength));
        assert_eq!(row["pagerank"], json!(score.pagerank.unwrap()));
    }
    let fields: Vec<&str> = rows[0].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        fields,
        [
            "actor",
            "degree",
            "in_degree",
            "out_degree",
            "strength",
            "betweenness",
            "closeness",
            "harmonic",
            "eigenvector",
            "pagerank"
        ]
    );
}

#[test]
fn a_connectieplan_serializes_with_snake_case_classifications() {
    let network = tiny();
    let deal = network.coalition_id("deal_x").unwrap();
    let plan = connectieplan(&network, deal, &PlanConfig::default()).unwrap();
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["coalition"], json!(deal.index()));
    let topics = json["topics"].as_array().unwrap();
    assert_eq!(topics.len(), plan.topics.len());
    assert!(!topics.is_empty());
    for (row, topic) in topics.iter().zip(&plan.topics) {
        assert_eq!(row["topic"], json!(topic.topic));
        assert_eq!(row["status"], json!(topic.status.as_str()));
        for (owner, expected) in
            row["regional_owners"].as_array().unwrap().iter().zip(&topic.regional_owners)
        {
            assert_eq!(owner["actor"], json!(expected.actor.index()));
            assert_eq!(owner["via"], json!(expected.via.as_str()));
        }
    }
    let signatories: Vec<usize> = plan.rijk_signatories.iter().map(|a| a.index()).collect();
    assert_eq!(json["rijk_signatories"], json!(signatories));
}

#[test]
fn an_asymmetry_result_serializes_layers_groups_and_coalitions() {
    let network = tiny();
    let layers = LayerChoice::explicit_layers(&network);
    let views = layer_views(&network, &ViewSpec::default().with_layers(layers)).unwrap();
    let nodes = View::build(&network, &ViewSpec::default().with_layers([])).unwrap();
    let grouping = group_nodes(&network, &nodes, &GroupBy::Side).unwrap();
    let coalitions: Vec<CoalitionId> =
        (0..network.coalitions().len()).map(CoalitionId::from_index).collect();
    let result = asymmetry(&network, &views, &grouping, &coalitions).unwrap();
    let json = serde_json::to_value(&result).unwrap();

    assert_eq!(json["group_labels"], json!(result.group_labels));
    assert_eq!(json["layers"][0]["layer"], json!({ "explicit": 0 }));
    let first = &result.layers[0];
    assert_eq!(json["layers"][0]["dyads"].as_array().unwrap().len(), first.dyads.len());
    if let Some(dyad) = first.dyads.first() {
        assert_eq!(json["layers"][0]["dyads"][0]["source"], json!(dyad.source.index()));
        assert_eq!(json["layers"][0]["dyads"][0]["asymmetry"], json!(dyad.asymmetry));
    }
    assert_eq!(json["coalitions"][0]["coalition"], json!(0));
    assert_eq!(
        json["coalitions"][0]["national_contribution"],
        json!(result.coalitions[0].national_contribution)
    );
}

#[test]
fn a_summary_serializes_its_sector_level_cells_as_records() {
    let network = tiny();
    let summary = summarize(&network);
    let json = serde_json::to_value(&summary).unwrap();
    let cells = json["actors_by_sector_level"].as_array().unwrap();
    assert_eq!(cells.len(), summary.actors_by_sector_level.len());
    let total: u64 = cells.iter().map(|c| c["actors"].as_u64().unwrap()).sum();
    assert_eq!(total, summary.n_actors as u64);
    assert!(cells.iter().any(|c| c["sector"] == "government"));
    assert!(json["members_by_role"].as_object().unwrap().contains_key("signatory"));
}
