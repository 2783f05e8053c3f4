//! Coalitions (deals, programmes, partnerships) and the memberships of actors in them.

use std::collections::BTreeMap;

use super::Date;
use super::actor::vocabulary;
use super::ids::{ActorId, CoalitionId};
use super::validity::Validity;
use std::fmt;

/// A deal, programme or partnership that actors take part in.
#[derive(Clone, Debug, PartialEq)]
pub struct Coalition {
    /// The id the workspace gives it, unique among coalitions.
    pub key: String,
    /// Display name.
    pub name: String,
    /// Round or tranche, free text (`1`, `II`).
    pub tranche: Option<String>,
    /// The region it serves, free text.
    pub region: Option<String>,
    /// Its themes.
    pub themes: Vec<String>,
    /// The national government's contribution (money, ≥ 0).
    pub national_contribution: Option<f64>,
    /// The region's co-financing (money, ≥ 0).
    pub cofinancing: Option<f64>,
    /// Governance form, free text (`public-steering`, `triple-helix-core`).
    pub governance: Option<String>,
    /// First day.
    pub start: Option<Date>,
    /// Last day.
    pub end: Option<Date>,
    /// Columns the format does not define, by lower-case header.
    pub attributes: BTreeMap<String, String>,
}

vocabulary!(
    /// The part an actor plays in a coalition.
    Role {
        /// Signed the agreement.
        Signatory = "signatory",
        /// Leads or coordinates the coalition.
        Lead = "lead",
        /// Runs the programme office.
        ProgrammeOffice = "programme_office",
        /// Sits in the steering group.
        SteeringGroup = "steering_group",
        /// Advises.
        Advisory = "advisory",
        /// Carries out projects.
        ProjectPartner = "project_partner",
        /// The national liaison for the deal.
        Dealmaker = "dealmaker",
        /// Involved without signing (letters of support, monitoring partners).
        Involved = "involved",
        /// The coalition's own programme drawn as one actor (its budget, steering group and
        /// project list): in the coalition's scope, so that ties to it count, but not a party
        /// to it.
        Programme = "programme",
    }
);

impl Role {
    /// Whether the member is a party to the coalition: every role but
    /// [`Programme`](Role::Programme). Parties are what member counts, sector mixes, shared
    /// membership (`comembership`) and the candidates of `suspects` are about; a view of the
    /// coalition's scope holds its programme too.
    pub fn is_party(self) -> bool {
        self != Role::Programme
    }
}

/// One actor's part in one coalition.
#[derive(Clone, Debug, PartialEq)]
pub struct Membership {
    /// The coalition.
    pub coalition: CoalitionId,
    /// The member.
    pub actor: ActorId,
    /// Its role.
    pub role: Role,
    /// Money the member contributes (≥ 0), when given.
    pub contribution: Option<f64>,
    /// The dates between which the membership holds.
    pub validity: Validity,
    /// Columns the format does not define, by lower-case header.
    pub attributes: BTreeMap<String, String>,
}
