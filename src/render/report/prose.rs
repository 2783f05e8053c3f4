//! The page's plain-language explanations, one per section, from the findings of the Regio Deal
//! evaluations.

pub(super) const EXPLAIN_COMPARE: &str = "Each deal's make-up, money and structure in one row. The \
government share is the share of members that are governments: most Regio Deals stayed with \
the usual suspects, mostly governments. The peers are the three most similar deals (themes, \
size and sector mix), as partners for peer review: the evaluations found that peer review \
rarely happened because deals differed too much, and advise pairing comparable deals.";

pub(super) const EXPLAIN_TRANCHES: &str = "The deals grouped by tranche (the round in which \
they were chosen), so that the rounds can be compared: how much the Rijk put in, how much of the \
table was government, how many sectors sat at it, and what share of the money the Rijk paid in \
the deals that state their co-financing. A later round with fewer deals stating co-financing \
says less, not that the regions paid less.";

pub(super) const EXPLAIN_DENSITY: &str = "Ties count each directed tie and each undirected tie \
once. Density is the share of all possible ties that exist. Degree centralization (Freeman) is \
how much the partners gather at one actor, betweenness centralization how much the shortest \
paths run through one actor: 1 for a star, 0 when all are equal. Low centralization is not a defect: leadership in such networks is mostly \
collective, distributed and relational, not one natural leader. Components are the parts of \
the network that no tie connects.";

pub(super) const EXPLAIN_KEY_ACTORS: &str = "Betweenness is how often an actor lies on the shortest path \
between two others: who holds the network together, and who could broker. Brokerage between \
Rijk and region counts the two-step paths on which an actor links the national government and \
the region without a direct tie between the two ends (Gould & Fernandez) — the liaison role a \
dealmaker is meant to play.";

pub(super) const EXPLAIN_MIX: &str = "Who takes part, by sector and by level. The evaluations found that \
most Regio Deals stayed with the usual suspects, mostly governments, and urge involving \
businesses, education, cultural institutions, youth centres and residents as well. \
Collaboration is multi-level: municipality, region, province, the Rijk and the EU.";

pub(super) const EXPLAIN_FINANCE: &str = "The national share is the part of a deal's money that comes \
from the Rijk: national contribution / (national contribution + regional co-financing). Above \
half, the Rijk pays most, and regional partners tend to see it as a cash machine \
(pinautomaat); where the region put in more than the minimum, the partnership felt more equal \
(nevengeschikt) because the Rijk was not the only or main funder.";

pub(super) const EXPLAIN_SUMMARY: &str = "Members by sector and role. Co-financing was used as a test of \
commitment: involved is not committed.";

pub(super) const EXPLAIN_COALITION_KEY_ACTORS: &str = "Within the coalition: degree is the number of \
distinct parties an actor is tied to, in either direction (members and their units), \
betweenness how often it lies between two others. Across all \
deals: betweenness in the whole network — who links this deal to the others. Brokerage counts \
the paths on which an actor links the Rijk and the region.";

pub(super) const EXPLAIN_ASYMMETRY: &str = "Whether money, mandate and information run one way. \
Reciprocity is the share of directed ties answered by a tie the other way (undirected ties, \
such as collaboration, do not count); weighted reciprocity is the share of tie weight that is \
returned; hierarchy (Krackhardt) is, among pairs where one reaches the other, the share \
reached one way only: 1 for a pure chain of command. The flows between Rijk and region are in \
euros on a layer whose relations all carry an amount, else in tie weights. On paper the Rijk and the region are equal (nevengeschikt); in practice the \
funding and its accountability made the relation asymmetric. Yet some asymmetry of knowledge, \
power and resources is also what makes collaboration attractive.";

pub(super) const EXPLAIN_INTERDEPENDENCE: &str = "Partners must feel mutually dependent: there must be \
something to gain for everyone. Mutuality is, among the members with a tie in the \
dependence layer, the share that both depend on another member and are depended on. A pair's mutual dependence is high when both sides need each \
other; its power imbalance is high when one side needs the other more — the less dependent \
side holds the power.";

pub(super) const EXPLAIN_SUSPECTS: &str = "Coverage counts members per sector against the quadruple helix \
(government, business, knowledge, civil society, citizens): missing when there is none, thin \
when there are fewer than expected or they are only involved. The ministries listed are those \
the deal's themes call for but that are not at the table. Candidates are parties outside the \
deal, ranked by the gap they fill, their closeness in the network, shared themes and region.";

pub(super) const EXPLAIN_WEAK: &str = "Involved is not committed: in a breakfast of bacon and eggs the \
chicken is involved but the pig is committed. These members signed, but neither they nor a unit \
of theirs (a directorate, an accounthouder) has a working relation with another member, and they \
made no contribution.";

pub(super) const EXPLAIN_MAP: &str = "Every actor of the workspace and the relations between \
them on the report's date: colour by sector, size by the number of partners, one colour per kind \
of relation, arrows where a tie runs one way. Actors close together are close in the network. \
The largest are named; every name shows on hover.";

pub(super) const EXPLAIN_COALITION_MAP: &str = "The coalition's parties (its members and their \
units) and the relations among them, on its date: colour by sector, size by the number of \
partners, one colour per kind of relation. A party alone at the edge has no recorded relation \
with the others.";

pub(super) const EXPLAIN_PLAN: &str = "The connectieplan maps, per topic of the deal, who works on it in \
the region and at the Rijk, and which ties connect them: covered (two or more independent \
ties), fragile (one tie, or all through one person) or a gap. A topic that hangs on one person \
is fragile: with frequent staff turnover, institutional memory is lost. Dashed lines are \
proposed ties that would close the gaps.";

pub(super) const EXPLAIN_BASELINE: &str = "What changed since the baseline (the nulmeting): \
the evaluations ask for monitoring from a baseline — did the coalition broaden beyond the usual \
suspects, did the Rijk's ties to the region grow, which topics of the connectieplan still hang on \
one tie or one person? Parties are matched by id; each side is the coalition's members and their \
units, with the relations that hold on its date.";

pub(super) const EXPLAIN_PREVIOUS_DEAL: &str = "This deal follows an earlier deal of the \
region. Compared with it: did the table broaden to sectors and kinds of party it lacked, did the \
government share fall, did the ties between the Rijk and the region grow, and how did the money \
change? Parties are matched by id; each deal is described on its own date, with its members and \
their units and the relations that hold then.";
