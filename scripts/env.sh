# Sourced by every script: one place for the environment the assistant runs in.
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
export PROJECT_ROOT=$PWD
export PATH="$PROJECT_ROOT/.venv/bin:$PATH"
export PYTHONPATH="$PROJECT_ROOT${PYTHONPATH:+:$PYTHONPATH}"
# Privacy: Rasa's telemetry (and the error reporting that comes with it) sends data to a third
# party that the municipality did not choose. It stays off everywhere.
export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL=2
# Third-party deprecation notices (pyparsing, pkg_resources, jax) only bury what matters.
export PYTHONWARNINGS=ignore::DeprecationWarning
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export RASA_PORT=${RASA_PORT:-5005}
export ACTION_PORT=${ACTION_PORT:-5055}
export ACTION_SERVER_URL=${ACTION_SERVER_URL:-http://127.0.0.1:$ACTION_PORT/webhook}
# The secret the Rasa server sends the action server (endpoints.yml): fresh for each shell unless set,
# so every Rasa command has one and a local run needs no configuration. Set it when the servers run apart.
export ACTION_SERVER_TOKEN=${ACTION_SERVER_TOKEN:-$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')}
export MODEL=${MODEL:-$PROJECT_ROOT/models/wmo.tar.gz}
# Rasa's training cache, outside the checkout so every clone on this machine shares it (scripts/train).
export RASA_CACHE_DIRECTORY=${RASA_CACHE_DIRECTORY:-${XDG_CACHE_HOME:-$HOME/.cache}/wmo-assistent/rasa-training}
