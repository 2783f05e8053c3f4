# R sna part of the stakenet oracle. Called by generate.py; not meant to be run by hand.
#
# Usage: Rscript sna_oracle.R DIR
#
# DIR/manifest.txt has one line per graph: "<name>\t<graph|digraph>".
# For each graph, DIR/<name>.adj holds the dichotomized n x n adjacency matrix (0/1, one row per
# line, rows/columns in the order of DIR/<name>.grp) and DIR/<name>.grp one group code (an integer)
# per line. The script writes DIR/<name>.out with tab-separated lines:
#   version <key> <value>
#   scalar <key> <value>
#   raw|exp|z <row 1..n> <sna column name> <value>
# Numbers are written with 17 significant digits ("NaN", "NA", "Inf" as R prints them).

suppressPackageStartupMessages(library(sna))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript sna_oracle.R DIR")
dir <- args[1]

fmt <- function(x) {
  if (length(x) != 1) stop("expected a scalar")
  if (is.na(x) && !is.nan(x)) return("NA")
  sprintf("%.17g", as.double(x))
}

manifest <- read.table(file.path(dir, "manifest.txt"), sep = "\t", header = FALSE,
                       colClasses = c("character", "character"))

for (k in seq_len(nrow(manifest))) {
  name <- manifest[k, 1]
  mode <- manifest[k, 2]  # "graph" (undirected) or "digraph"
  groups <- as.integer(readLines(file.path(dir, paste0(name, ".grp"))))
  n <- length(groups)
  vals <- scan(file.path(dir, paste0(name, ".adj")), what = double(), quiet = TRUE)
  g <- matrix(vals, nrow = n, ncol = n, byrow = TRUE)

  out <- c(
    paste("version", "R", paste(R.version$major, R.version$minor, sep = "."), sep = "\t"),
    paste("version", "sna", as.character(packageVersion("sna")), sep = "\t")
  )
  sc <- function(key, value) paste("scalar", key, fmt(value), sep = "\t")
  # Freeman centralization with sna's theoretical maxima (mode = gmode of the measure).
  # Degree counts distinct neighbours either way: the weak symmetrization, as an undirected graph.
  out <- c(out, sc("degree_centralization",
                   centralization(symmetrize(g, rule = "weak"), degree, mode = "graph")))
  out <- c(out, sc("betweenness_centralization", centralization(g, betweenness, mode = mode)))
  out <- c(out, sc("closeness_centralization", centralization(g, closeness, mode = mode)))
  # Krackhardt's graph-level measures.
  out <- c(out, sc("connectedness", connectedness(g)))
  out <- c(out, sc("hierarchy", hierarchy(g, measure = "krackhardt")))
  out <- c(out, sc("efficiency", efficiency(g)))
  out <- c(out, sc("lub", lubness(g)))

  # Gould-Fernandez brokerage.
  br <- brokerage(g, groups)
  for (part in c("raw", "exp", "z")) {
    m <- br[[paste0(part, ".nli")]]
    cols <- colnames(m)
    for (i in seq_len(n)) {
      for (j in seq_along(cols)) {
        out <- c(out, paste(part, i, cols[j], fmt(m[i, j]), sep = "\t"))
      }
    }
  }
  writeLines(out, file.path(dir, paste0(name, ".out")))
}
