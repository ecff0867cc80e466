#!/usr/bin/env bash
# Runs every rule pack's test vectors and the clinical vignettes; non-zero exit when any fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./tacecds rules test --rules "$root/rules" --vignettes "$root/tests/TaceCds.Rules.Tests/Vignettes"
