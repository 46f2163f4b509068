# shellcheck shell=bash
# Helpers of the deployment commands (bin/backup, bin/restore). Source it after
# common.sh; do not run it.

# Sets ODOO_CONF: the configuration named by "-c FILE" (a production configuration,
# e.g. written by bin/production-config), or else one written from
# config/odoo.conf.template for DBNAME, with the database server and data folder
# bin/run uses. Usage: deploy_odoo_conf CONF_OR_EMPTY DBNAME
deploy_odoo_conf() {
  local given="$1" db="$2"
  ensure_python_env odoo
  if [ -n "$given" ]; then
    [ -r "$given" ] || die "cannot read the Odoo configuration $given"
    ODOO_CONF="$given"
  else
    ensure_postgres
    ODOO_CONF="$WELFARE_STATE_DIR/odoo-deploy-$db.conf"
    write_odoo_conf "$ODOO_CONF" "$db"
  fi
}

# Prints the command that starts Odoo's server: odoo-bin of the Odoo source, or the
# `odoo` script of an installed Odoo, run by $PYTHON. (`python -m odoo` serves too,
# but with workers Odoo starts its websocket process by running sys.argv[0] again,
# which a module's __main__.py does not survive.)
odoo_server_command() {
  "$PYTHON" - <<'PY'
import os, shlex, sys, odoo
candidates = [
    os.path.join(os.path.dirname(os.path.dirname(odoo.__file__)), "odoo-bin"),
    os.path.join(os.path.dirname(sys.executable), "odoo"),
]
for script in candidates:
    if os.path.isfile(script):
        print(shlex.join([sys.executable, script]))
        break
else:
    sys.exit("neither of %s found" % ", ".join(candidates))
PY
}
