/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Switch configuration: the VLAN database (`vlan`, `name`) and the `switchport` commands, with their running-config lines. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cmd-interface-private.h"
#include "ios-modules.h"
#include "ios-strings.h"
#include "switching.h"

#define SWITCHPORT_STR  N_("Set switching mode characteristics")
#define TRUNK_STR       N_("Set trunking characteristics of the interface")
#define ALLOWED_STR     N_("Set allowed VLAN characteristics when interface is in trunking mode")
#define ALLOWED_VLAN_STR N_("Set allowed VLANs when interface is in trunking mode")
#define VLAN_IDS_STR    N_("VLAN IDs of the allowed VLANs when this port is in trunking mode")
#define MODE_STR        N_("Set trunking mode of the interface")
#define ACCESS_STR      N_("Set access mode characteristics of the interface")
#define NATIVE_STR      N_("Set trunking native characteristics when interface is in trunking mode")
#define ENCAP_STR       N_("Set trunking encapsulation when interface is in trunking mode")
#define NONEGOTIATE_STR N_("Device will not engage in negotiation protocol on this interface")
#define VLAN_NAME_STR   N_("Ascii name of the VLAN")
#define SPANNING_TREE_STR N_("Spanning Tree Subsystem")

static void
print_str (CordIosExec *exec,
           const char  *text)
{
  cord_ios_exec_print (exec, "%s\n", _(text));
}

static gboolean
need_network (CordIosExec *exec)
{
  if (_cord_ios_is_switch (cord_ios_exec_get_device (exec)))
    return TRUE;
  print_str (exec, _CORD_IOS_UNSUPPORTED_STR);
  return FALSE;
}

/* The SVIs that went up or down with a change of the VLANs: logged. */
static void
log_svis (CordIosExec *exec)
{
  g_autoptr(GPtrArray) msgs = g_ptr_array_new_with_free_func (g_free);

  _cord_ios_svi_refresh (cord_ios_exec_get_device (exec), msgs);
  _cord_ios_log_all (exec, msgs);
}

/* --- The VLAN database -------------------------------------------------- */

static void
cmd_vlan (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  guint vid = (guint) cord_ios_exec_arg_int (exec, "id", 0);
  g_autoptr(GError) error = NULL;

  if (!need_network (exec))
    return;
  if (!cord_switch_vlan_add (ios->sim, ios->device, vid, NULL, &error))
    {
      _cord_ios_print_error (exec, error);
      return;
    }
  log_svis (exec);
  cord_ios_exec_enter (exec, CORD_IOS_NODE_VLAN, GUINT_TO_POINTER (vid), NULL);
}

static void
cmd_no_vlan (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GError) error = NULL;

  if (!need_network (exec))
    return;
  if (!cord_switch_vlan_remove (ios->sim, ios->device, (guint) cord_ios_exec_arg_int (exec, "id", 0),
                                &error))
    {
      _cord_ios_print_error (exec, error);
      return;
    }
  log_svis (exec);
}

static void
cmd_vlan_name (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  guint vid = GPOINTER_TO_UINT (cord_ios_exec_get_context (exec));
  g_autoptr(GError) error = NULL;

  if (!cord_switch_vlan_set_name (ios->sim, ios->device, vid, cord_ios_exec_arg (exec, "WORD"), &error))
    _cord_ios_print_error (exec, error);
}

/* --- VLAN lists --------------------------------------------------------- */

/* Reads one VLAN number of a list at @i, up to its delimiter; FALSE with
 * IOS's message when it is no number of 1 to 4094. */
static gboolean
vlan_number (CordIosExec *exec,
             const char  *text,
             gsize       *i,
             guint       *vid)
{
  guint64 value = 0;
  gsize at = *i;

  while (g_ascii_isdigit (text[at]))
    {
      if (value <= CORD_FRAME_VID_MAX)
        value = value * 10 + (guint64) (text[at] - '0');
      at++;
    }
  if (text[at] != '\0' && text[at] != ',' && text[at] != '-')
    {
      cord_ios_exec_print (exec, _("Command rejected: Bad VLAN list - character #%zu is a non-numeric\n"
                                   "character ('%c').\n"), at + 1, text[at]);
      return FALSE;
    }
  if (value < CORD_FRAME_VID_MIN || value > CORD_FRAME_VID_MAX)
    {
      if (text[at] == '\0')
        cord_ios_exec_print (exec, _("Command rejected: Bad VLAN list - character #%zu (EOL) delimits a VLAN\n"
                                     "number which is out of the range 1..4094.\n"), at + 1);
      else
        cord_ios_exec_print (exec, _("Command rejected: Bad VLAN list - character #%zu ('%c') delimits a VLAN number\n"
                                     " which is out of the range 1..4094.\n"), at + 1, text[at]);
      return FALSE;
    }
  *vid = (guint) value;
  *i = at;
  return TRUE;
}

/* An IOS VLAN list such as "1-10,20,30-40" as a set; FALSE, with IOS's
 * message printed, when it is not one. */
static gboolean
parse_vlan_list (CordIosExec *exec,
                 const char  *text,
                 guint8       bitmap[CORD_VLAN_BITMAP_BYTES])
{
  gsize i = 0;

  memset (bitmap, 0, CORD_VLAN_BITMAP_BYTES);
  for (;;)
    {
      guint first, last;

      if (!vlan_number (exec, text, &i, &first))
        return FALSE;
      last = first;
      if (text[i] == '-')
        {
          i++;
          if (!vlan_number (exec, text, &i, &last))
            return FALSE;
          if (text[i] == '-')
            {
              cord_ios_exec_print (exec, _("Command rejected: Bad VLAN list - character #%zu is a non-numeric\n"
                                           "character ('%c').\n"), i + 1, text[i]);
              return FALSE;
            }
          if (last <= first)
            {
              print_str (exec, N_("Command rejected: Bad VLAN list - end of range not larger than the "
                                  "start of range!"));
              return FALSE;
            }
        }
      cord_vlan_bitmap_set_range (bitmap, first, last);
      if (text[i] == '\0')
        return TRUE;
      i++;
    }
}

/* --- switchport --------------------------------------------------------- */

typedef gboolean (*PortFunc) (CordIosExec *exec,
                              CordPort    *port,
                              gpointer     data);

/* The switchport commands apply to switch ports; an SVI has none. */
static gboolean
members_are_ports (CordIosExec *exec,
                   const char  *keyword)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *const *members = _cord_ios_if_members (exec);

  if (!_cord_ios_is_switch (ios))
    {
      print_str (exec, _CORD_IOS_UNSUPPORTED_STR);
      return FALSE;
    }
  for (guint i = 0; members[i] != NULL; i++)
    {
      g_auto(_CordIosIfRef) ref = { 0 };

      if (_cord_ios_if_resolve (ios, members[i], &ref) && ref.kind != _CORD_IOS_IF_PORT)
        {
          cord_ios_exec_invalid (exec, keyword);
          return FALSE;
        }
    }
  return TRUE;
}

/* Runs @func on every port of the mode; stops at the first refusal, as
 * the message would only repeat. */
static void
for_each_port (CordIosExec *exec,
               const char  *keyword,
               PortFunc     func,
               gpointer     data)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *const *members;

  if (!members_are_ports (exec, keyword))
    return;
  members = _cord_ios_if_members (exec);
  for (guint i = 0; members[i] != NULL; i++)
    {
      g_auto(_CordIosIfRef) ref = { 0 };

      if (!_cord_ios_if_resolve (ios, members[i], &ref))
        continue;
      if (!func (exec, ref.port, data))
        return;
    }
}

/* Takes @error by address: it is read after the call that sets it. */
static gboolean
report (CordIosExec  *exec,
        gboolean      ok,
        GError      **error)
{
  if (!ok)
    _cord_ios_print_error (exec, *error);
  return ok;
}

/* IOS's default mode: dynamic desirable on the 2950, as the switching
 * core sets it (switching.c), dynamic auto on later switches. */
static CordSwitchportMode
default_mode (CordPort *port)
{
  return g_str_has_prefix (port->device->model->name, "2950") ? CORD_SWITCHPORT_DYNAMIC_DESIRABLE
                                                              : CORD_SWITCHPORT_DYNAMIC_AUTO;
}

static gboolean
apply_mode (CordIosExec *exec,
            CordPort    *port,
            gpointer     data)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GPtrArray) msgs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  CordSwitchportMode mode = data != NULL ? (CordSwitchportMode) GPOINTER_TO_UINT (data) - 1
                                         : default_mode (port);
  CordSwitchportInfo before, after;

  cord_switch_port_get_info (ios->sim, port, &before);
  if (!report (exec, cord_switch_port_set_mode (ios->sim, port, mode, &error), &error))
    return FALSE;
  cord_switch_port_get_info (ios->sim, port, &after);
  /* A port that starts or stops trunking goes down and up again. */
  if (before.oper_mode != after.oper_mode && cord_sim_port_is_up (ios->sim, port))
    {
      _cord_ios_msg_proto (msgs, port->name, FALSE);
      _cord_ios_msg_proto (msgs, port->name, TRUE);
    }
  _cord_ios_svi_refresh (ios, msgs);
  _cord_ios_log_all (exec, msgs);
  return TRUE;
}

static void
cmd_mode (CordIosExec *exec)
{
  const char *mode = cord_ios_exec_arg (exec, "mode-value");
  const char *dynamic = cord_ios_exec_arg (exec, "dynamic");
  CordSwitchportMode value = CORD_SWITCHPORT_ACCESS;

  if (g_strcmp0 (mode, "trunk") == 0)
    value = CORD_SWITCHPORT_TRUNK;
  else if (g_strcmp0 (dynamic, "auto") == 0)
    value = CORD_SWITCHPORT_DYNAMIC_AUTO;
  else if (g_strcmp0 (dynamic, "desirable") == 0)
    value = CORD_SWITCHPORT_DYNAMIC_DESIRABLE;
  for_each_port (exec, "switchport", apply_mode, mode != NULL ? GUINT_TO_POINTER (value + 1) : NULL);
}

static gboolean
apply_access_vlan (CordIosExec *exec,
                   CordPort    *port,
                   gpointer     data)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GPtrArray) msgs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint vid = GPOINTER_TO_UINT (data);
  gboolean created;

  if (!report (exec, cord_switch_port_set_access_vlan (ios->sim, port, vid, &created, &error), &error))
    return FALSE;
  if (created)
    cord_ios_exec_print (exec, _("%% Access VLAN does not exist. Creating vlan %u\n"), vid);
  _cord_ios_svi_refresh (ios, msgs);
  _cord_ios_log_all (exec, msgs);
  return TRUE;
}

static void
cmd_access_vlan (CordIosExec *exec)
{
  for_each_port (exec, "switchport", apply_access_vlan,
                 GUINT_TO_POINTER ((guint) cord_ios_exec_arg_int (exec, "vid", 1)));
}

static gboolean
apply_native_vlan (CordIosExec *exec,
                   CordPort    *port,
                   gpointer     data)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GError) error = NULL;

  return report (exec, cord_switch_port_set_native_vlan (ios->sim, port, GPOINTER_TO_UINT (data), &error),
                 &error);
}

static void
cmd_native_vlan (CordIosExec *exec)
{
  for_each_port (exec, "switchport", apply_native_vlan,
                 GUINT_TO_POINTER ((guint) cord_ios_exec_arg_int (exec, "vid", 1)));
}

typedef struct {
  const char *op;                          /* all, none, add, remove, except, or NULL */
  guint8      bitmap[CORD_VLAN_BITMAP_BYTES];
} Allowed;

static gboolean
apply_allowed (CordIosExec *exec,
               CordPort    *port,
               gpointer     data)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const Allowed *allowed = data;
  g_autoptr(GPtrArray) msgs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (allowed->op == NULL)
    ok = cord_switch_port_set_allowed (ios->sim, port, allowed->bitmap, &error);
  else if (strcmp (allowed->op, "all") == 0)
    ok = cord_switch_port_allowed_all (ios->sim, port, &error);
  else if (strcmp (allowed->op, "none") == 0)
    ok = cord_switch_port_allowed_none (ios->sim, port, &error);
  else if (strcmp (allowed->op, "add") == 0)
    ok = cord_switch_port_allowed_add (ios->sim, port, allowed->bitmap, &error);
  else if (strcmp (allowed->op, "remove") == 0)
    ok = cord_switch_port_allowed_remove (ios->sim, port, allowed->bitmap, &error);
  else
    {
      guint8 all_but[CORD_VLAN_BITMAP_BYTES] = { 0 };

      cord_vlan_bitmap_set_range (all_but, CORD_FRAME_VID_MIN, CORD_FRAME_VID_MAX);
      for (guint i = 0; i < CORD_VLAN_BITMAP_BYTES; i++)
        all_but[i] &= (guint8) ~allowed->bitmap[i];
      ok = cord_switch_port_set_allowed (ios->sim, port, all_but, &error);
    }
  if (!report (exec, ok, &error))
    return FALSE;
  _cord_ios_svi_refresh (ios, msgs);
  _cord_ios_log_all (exec, msgs);
  return TRUE;
}

static void
cmd_allowed (CordIosExec *exec)
{
  Allowed allowed = { cord_ios_exec_arg (exec, "op"), { 0 } };
  const char *list = cord_ios_exec_arg (exec, "list");

  if (cord_ios_exec_has (exec, "no"))
    allowed.op = "all";
  else if (list != NULL && !parse_vlan_list (exec, list, allowed.bitmap))
    return;
  for_each_port (exec, "switchport", apply_allowed, &allowed);
}

static gboolean
apply_encapsulation (CordIosExec *exec,
                     CordPort    *port,
                     gpointer     data)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GError) error = NULL;

  return report (exec, cord_switch_port_set_encapsulation (ios->sim, port,
                                                           GPOINTER_TO_UINT (data), &error), &error);
}

static void
cmd_trunk_encapsulation (CordIosExec *exec)
{
  const char *encap = cord_ios_exec_arg (exec, "encap");

  /* ISL trunks are not simulated. */
  if (g_strcmp0 (encap, "isl") == 0)
    {
      print_str (exec, _CORD_IOS_UNSUPPORTED_STR);
      return;
    }
  for_each_port (exec, "switchport", apply_encapsulation,
                 GUINT_TO_POINTER (g_strcmp0 (encap, "dot1q") == 0 ? CORD_TRUNK_ENCAP_DOT1Q
                                                                    : CORD_TRUNK_ENCAP_NEGOTIATE));
}

static gboolean
apply_nonegotiate (CordIosExec *exec,
                   CordPort    *port,
                   gpointer     data)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GError) error = NULL;

  return report (exec, cord_switch_port_set_nonegotiate (ios->sim, port, data != NULL, &error), &error);
}

static void
cmd_nonegotiate (CordIosExec *exec)
{
  for_each_port (exec, "switchport", apply_nonegotiate,
                 cord_ios_exec_has (exec, "no") ? NULL : GINT_TO_POINTER (1));
}

/* `no switchport` makes a 3560 port a routed port: kept in the running-
 * config, but the simulation goes on switching on it. */
static gboolean
apply_routed (CordIosExec *exec,
              CordPort    *port,
              gpointer     data)
{
  _CordIosIfConf *conf = _cord_ios_if_conf (cord_ios_exec_get_device (exec), port->name, TRUE);

  conf->routed = data != NULL;
  if (!conf->routed)
    conf->address = conf->mask = 0;
  return TRUE;
}

static void
cmd_switchport (CordIosExec *exec)
{
  for_each_port (exec, "switchport", apply_routed,
                 cord_ios_exec_has (exec, "no") ? GINT_TO_POINTER (1) : NULL);
}

/* --- spanning-tree ------------------------------------------------------ */

/* Spanning tree is not simulated; a switch writes Packet Tracer's default
 * lines, and takes them back when a config is pasted. */
static void
cmd_spanning_tree_default (CordIosExec *exec)
{
  if (cord_ios_exec_has (exec, "rapid-pvst") ||
      (cord_ios_exec_has (exec, "no") && cord_ios_exec_has (exec, "extend")))
    print_str (exec, _CORD_IOS_UNSUPPORTED_STR);
}

static void
cmd_unsupported (CordIosExec *exec)
{
  print_str (exec, _CORD_IOS_UNSUPPORTED_STR);
}

static void
write_spanning_tree (CordIosDevice *ios,
                     GString       *out)
{
  if (_cord_ios_is_switch (ios))
    g_string_append (out, "spanning-tree mode pvst\nspanning-tree extend system-id\n!\n");
}

/* --- Running-config ----------------------------------------------------- */

static const char *
mode_words (CordSwitchportMode mode)
{
  switch (mode)
    {
    case CORD_SWITCHPORT_ACCESS:
      return "access";
    case CORD_SWITCHPORT_TRUNK:
      return "trunk";
    case CORD_SWITCHPORT_DYNAMIC_DESIRABLE:
      return "dynamic desirable";
    case CORD_SWITCHPORT_DYNAMIC_AUTO:
    default:
      return "dynamic auto";
    }
}

/* In the order Packet Tracer writes them (reference 4.3, 4.9). */
void
_cord_ios_write_switchport (CordIosDevice *ios,
                            CordPort      *port,
                            GString       *out)
{
  guint8 all[CORD_VLAN_BITMAP_BYTES] = { 0 };
  CordSwitchportInfo info;

  if (!cord_switch_port_get_info (ios->sim, port, &info))
    return;
  cord_vlan_bitmap_set_range (all, CORD_FRAME_VID_MIN, CORD_FRAME_VID_MAX);
  if (info.access_vlan != 1)
    g_string_append_printf (out, " switchport access vlan %u\n", info.access_vlan);
  if (_cord_ios_is_l3_switch (ios) && info.admin_encap == CORD_TRUNK_ENCAP_DOT1Q)
    g_string_append (out, " switchport trunk encapsulation dot1q\n");
  if (info.native_vlan != 1)
    g_string_append_printf (out, " switchport trunk native vlan %u\n", info.native_vlan);
  if (memcmp (info.allowed, all, sizeof all) != 0)
    {
      g_autofree char *list = cord_vlan_bitmap_format (info.allowed);

      g_string_append_printf (out, " switchport trunk allowed vlan %s\n", list);
    }
  if (info.admin_mode != default_mode (port))
    g_string_append_printf (out, " switchport mode %s\n", mode_words (info.admin_mode));
  if (info.nonegotiate)
    g_string_append (out, " switchport nonegotiate\n");
}

/* --- Tables ------------------------------------------------------------- */

#define SW_CMD(syntax, handler, flags, ...) \
  { CORD_IOS_NODE_INTERFACE, syntax, CORD_IOS_HELPS (__VA_ARGS__), handler, \
    CORD_IOS_CMD_SWITCHING | (flags) }, \
  { CORD_IOS_NODE_IF_RANGE, syntax, CORD_IOS_HELPS (__VA_ARGS__), handler, \
    CORD_IOS_CMD_SWITCHING | (flags) }
/* Only on switches that also route (the 3560): they have both features. */
#define L3 CORD_IOS_CMD_ROUTING

static const CordIosCommand switching_commands[] = {
  { CORD_IOS_NODE_CONFIG, "vlan (1-4094)$id",
    CORD_IOS_HELPS (VLAN_STR, N_("ISL VLAN IDs 1-1005")), cmd_vlan, CORD_IOS_CMD_SWITCHING },
  { CORD_IOS_NODE_CONFIG, "no vlan (1-4094)$id",
    CORD_IOS_HELPS (NO_STR, VLAN_STR, N_("ISL VLAN IDs 1-1005")), cmd_no_vlan, CORD_IOS_CMD_SWITCHING },
  { CORD_IOS_NODE_VLAN, "name WORD",
    CORD_IOS_HELPS (VLAN_NAME_STR, N_("The ascii name for the VLAN")), cmd_vlan_name, 0 },
  { CORD_IOS_NODE_VLAN, "no name",
    CORD_IOS_HELPS (NO_STR, VLAN_NAME_STR), cmd_vlan_name, 0 },

  SW_CMD ("switchport mode <access|trunk|dynamic <auto|desirable>$dynamic>$mode-value", cmd_mode, 0,
          SWITCHPORT_STR, MODE_STR, N_("Set trunking mode to ACCESS unconditionally"),
          N_("Set trunking mode to TRUNK unconditionally"),
          N_("Set trunking mode to dynamically negotiate access or trunk mode"),
          N_("Set trunking mode dynamic negotiation parameter to AUTO"),
          N_("Set trunking mode dynamic negotiation parameter to DESIRABLE")),
  SW_CMD ("no switchport mode", cmd_mode, 0, NO_STR, SWITCHPORT_STR, MODE_STR),
  SW_CMD ("switchport access vlan (1-4094)$vid", cmd_access_vlan, 0,
          SWITCHPORT_STR, ACCESS_STR, N_("Set VLAN when interface is in access mode"),
          N_("VLAN ID of the VLAN when this port is in access mode")),
  SW_CMD ("no switchport access vlan", cmd_access_vlan, 0,
          NO_STR, SWITCHPORT_STR, ACCESS_STR, N_("Set VLAN when interface is in access mode")),
  SW_CMD ("switchport trunk native vlan (1-4094)$vid", cmd_native_vlan, 0,
          SWITCHPORT_STR, TRUNK_STR, NATIVE_STR, N_("Set native VLAN when interface is in trunking mode"),
          N_("VLAN ID of the native VLAN when this port is in trunking mode")),
  SW_CMD ("no switchport trunk native vlan", cmd_native_vlan, 0,
          NO_STR, SWITCHPORT_STR, TRUNK_STR, NATIVE_STR,
          N_("Set native VLAN when interface is in trunking mode")),
  SW_CMD ("switchport trunk allowed vlan <WORD$list|all$op|none$op|add$op WORD$list|"
          "remove$op WORD$list|except$op WORD$list>", cmd_allowed, 0,
          SWITCHPORT_STR, TRUNK_STR, ALLOWED_STR, ALLOWED_VLAN_STR, VLAN_IDS_STR,
          N_("all VLANs"), N_("no VLANs"), N_("add VLANs to the current list"), VLAN_IDS_STR,
          N_("remove VLANs from the current list"), VLAN_IDS_STR,
          N_("all VLANs except the following"), VLAN_IDS_STR),
  SW_CMD ("no switchport trunk allowed vlan", cmd_allowed, 0,
          NO_STR, SWITCHPORT_STR, TRUNK_STR, ALLOWED_STR, ALLOWED_VLAN_STR),
  SW_CMD ("switchport trunk encapsulation <dot1q|isl|negotiate>$encap", cmd_trunk_encapsulation, L3,
          SWITCHPORT_STR, TRUNK_STR, ENCAP_STR,
          N_("Interface uses only 802.1q trunking encapsulation when trunking"),
          N_("Interface uses only ISL trunking encapsulation when trunking"),
          N_("Device will negotiate trunking encapsulation with peer on interface")),
  SW_CMD ("no switchport trunk encapsulation", cmd_trunk_encapsulation, L3,
          NO_STR, SWITCHPORT_STR, TRUNK_STR, ENCAP_STR),
  SW_CMD ("[no] switchport nonegotiate", cmd_nonegotiate, 0, NO_STR, SWITCHPORT_STR, NONEGOTIATE_STR),
  SW_CMD ("[no] switchport", cmd_switchport, L3, NO_STR, SWITCHPORT_STR),
  /* Real commands not simulated yet: they say so instead of failing. */
  SW_CMD ("[no] switchport port-security [LINE]", cmd_unsupported, CORD_IOS_CMD_HIDDEN,
          NO_STR, SWITCHPORT_STR, N_("Security related command"), N_("Port security settings")),
  SW_CMD ("[no] switchport voice LINE", cmd_unsupported, CORD_IOS_CMD_HIDDEN,
          NO_STR, SWITCHPORT_STR, N_("Voice appliance attributes"), N_("Voice VLAN settings")),
  SW_CMD ("[no] spanning-tree LINE", cmd_unsupported, CORD_IOS_CMD_HIDDEN,
          NO_STR, SPANNING_TREE_STR, N_("Spanning tree settings")),

  { CORD_IOS_NODE_CONFIG, "spanning-tree mode <pvst|rapid-pvst>",
    CORD_IOS_HELPS (SPANNING_TREE_STR, N_("Spanning tree operating mode"),
                    N_("Per-Vlan spanning tree mode"), N_("Per-Vlan rapid spanning tree mode")),
    cmd_spanning_tree_default, CORD_IOS_CMD_SWITCHING },
  { CORD_IOS_NODE_CONFIG, "no spanning-tree mode",
    CORD_IOS_HELPS (NO_STR, SPANNING_TREE_STR, N_("Spanning tree operating mode")),
    cmd_spanning_tree_default, CORD_IOS_CMD_SWITCHING },
  { CORD_IOS_NODE_CONFIG, "[no] spanning-tree extend system-id",
    CORD_IOS_HELPS (NO_STR, SPANNING_TREE_STR, N_("Spanning Tree 802.1t extensions"),
                    N_("Extend system-id into priority portion of the bridge id (PVST & Rapid PVST only)")),
    cmd_spanning_tree_default, CORD_IOS_CMD_SWITCHING },
  { CORD_IOS_NODE_CONFIG, "[no] spanning-tree LINE",
    CORD_IOS_HELPS (NO_STR, SPANNING_TREE_STR, N_("Spanning tree settings")),
    cmd_unsupported, CORD_IOS_CMD_SWITCHING | CORD_IOS_CMD_HIDDEN },
  { 0 },
};

static const CordIosConfigWriter switching_writers[] = {
  { CORD_IOS_NODE_CONFIG, CORD_IOS_ORDER_SPANNING_TREE, write_spanning_tree },
  { 0 },
};

const CordIosModule cord_ios_module_switching = {
  "switching", switching_commands, switching_writers,
};
