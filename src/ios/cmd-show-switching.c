/* SPDX-License-Identifier: GPL-3.0-or-later */
/* show vlan, show mac address-table and the switch port views of show interfaces, in Packet Tracer's layouts. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cmd-show-private.h"
#include "ios-modules.h"
#include "ios-strings.h"
#include "switching.h"

/* The port column of `show vlan` is this wide; names wrap onto lines of
 * their own below it. */
#define VLAN_PORTS_WIDTH 31u
#define VLAN_PORTS_INDENT 48u
/* Packet Tracer's 2960 lists trunks as allowing 1-1005, its VLAN range. */
#define PT_VLAN_MAX 1005u

static gboolean
have_switch (CordIosDevice *ios)
{
  return ios->sim != NULL && ios->device != NULL && cord_switch_has_vlans (ios->sim, ios->device);
}

/* The switch ports, in the device's order. */
static GPtrArray *
list_switchports (CordIosDevice *ios)
{
  GPtrArray *ports = g_ptr_array_new ();

  for (guint i = 0; have_switch (ios) && i < ios->device->ports->len; i++)
    {
      CordPort *port = ios->device->ports->pdata[i];
      CordSwitchportInfo info;

      if (cord_switch_port_get_info (ios->sim, port, &info))
        g_ptr_array_add (ports, port);
    }
  return ports;
}

static char *
vlan_name (CordIosDevice *ios,
           guint          vid)
{
  g_autoptr(GArray) vlans = have_switch (ios) ? cord_switch_list_vlans (ios->sim, ios->device) : NULL;

  for (guint i = 0; vlans != NULL && i < vlans->len; i++)
    {
      const CordVlanInfo *vlan = &g_array_index (vlans, CordVlanInfo, i);

      if (vlan->vid == vid)
        return g_strdup (vlan->name);
    }
  return NULL;
}

/* --- show vlan ------------------------------------------------------------- */

/* "Fa0/1, Fa0/2, Fa0/3, Fa0/4" lines, wrapped at the column's width. */
static void
append_port_list (GString   *out,
                  GPtrArray *ports)
{
  gsize line_start = out->len;

  for (guint i = 0; i < ports->len; i++)
    {
      g_autofree char *name = _cord_show_short_name (((CordPort *) ports->pdata[i])->name);
      gsize used = out->len - line_start;

      if (i > 0 && used + 2 + strlen (name) > VLAN_PORTS_WIDTH)
        {
          g_string_append_printf (out, "\n%*s", VLAN_PORTS_INDENT, "");
          line_start = out->len;
        }
      else if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, name);
    }
  g_string_append_c (out, '\n');
}

static void
append_vlan_table (GString       *out,
                   CordIosDevice *ios,
                   GArray        *vlans)
{
  g_string_append (out, "\nVLAN Name                             Status    Ports\n"
                        "---- -------------------------------- --------- -------------------------------\n");
  for (guint i = 0; i < vlans->len; i++)
    {
      const CordVlanInfo *vlan = &g_array_index (vlans, CordVlanInfo, i);
      g_autoptr(GPtrArray) ports = cord_switch_vlan_ports (ios->sim, ios->device, vlan->vid);

      g_string_append_printf (out, "%-4u %-32s %-9s ", vlan->vid, vlan->name, vlan->active ? "active" : "suspended");
      append_port_list (out, ports);
    }
}

static const struct {
  guint       vid;
  const char *type;
  const char *stp;
} default_vlan_types[] = {
  { 1002, "fddi", "-" },
  { 1003, "tr", "-" },
  { 1004, "fdnet", "ieee" },
  { 1005, "trnet", "ibm" },
};

static void
append_vlan_types (GString *out,
                   GArray  *vlans)
{
  static const char header[] =
    "\nVLAN Type  SAID       MTU   Parent RingNo BridgeNo Stp  BrdgMode Trans1 Trans2\n"
    "---- ----- ---------- ----- ------ ------ -------- ---- -------- ------ ------\n";

  g_string_append (out, header);
  for (guint i = 0; i < vlans->len; i++)
    {
      const CordVlanInfo *vlan = &g_array_index (vlans, CordVlanInfo, i);
      const char *type = "enet", *stp = "-";
      /* Packet Tracer pads the rows of 1002-1005 with three spaces. */
      const char *pad = "";

      for (guint t = 0; t < G_N_ELEMENTS (default_vlan_types); t++)
        if (default_vlan_types[t].vid == vlan->vid)
          {
            type = default_vlan_types[t].type;
            stp = default_vlan_types[t].stp;
            pad = "   ";
          }
      g_string_append_printf (out, "%-4u %-5s %-10u 1500  -      -      -        %-4s -        0      0%s\n",
                              vlan->vid, type, 100000 + vlan->vid, stp, pad);
    }
  g_string_append (out, header);
  g_string_append (out, "\nRemote SPAN VLANs\n"
                        "------------------------------------------------------------------------------\n"
                        "\nPrimary Secondary Type              Ports\n"
                        "------- --------- ----------------- ------------------------------------------\n");
}

static void
cmd_show_vlan (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GArray) vlans = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (!have_switch (ios))
    return;
  vlans = cord_switch_list_vlans (ios->sim, ios->device);
  append_vlan_table (out, ios, vlans);
  if (!cord_ios_exec_has (exec, "brief"))
    append_vlan_types (out, vlans);
  cord_ios_exec_print (exec, "%s", out->str);
}

/* --- show mac address-table ------------------------------------------------- */

static void
cmd_show_mac_table (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GArray) table = NULL;
  g_autoptr(GString) out = g_string_new ("          Mac Address Table\n"
                                         "-------------------------------------------\n\n"
                                         "Vlan    Mac Address       Type        Ports\n"
                                         "----    -----------       --------    -----\n\n");

  if (ios->sim != NULL && ios->device != NULL && cord_switch_is_switch (ios->sim, ios->device))
    table = cord_switch_get_mac_table (ios->sim, ios->device);
  for (guint i = 0; table != NULL && i < table->len; i++)
    {
      const CordMacEntry *entry = &g_array_index (table, CordMacEntry, i);
      char mac[CORD_FRAME_MAC_STRLEN];
      g_autofree char *port = _cord_show_short_name (entry->port->name);

      g_string_append_printf (out, "%4u    %s    %-8s    %s\n", entry->vid, cord_frame_mac_to_ios (&entry->mac, mac),
                              entry->is_static ? "STATIC" : "DYNAMIC", port);
    }
  cord_ios_exec_print (exec, "%s", out->str);
}

/* --- show interfaces trunk ------------------------------------------------- */

/* VLANs that exist and carry Ethernet (1002-1005 do not). */
static void
active_vlans (CordIosDevice *ios,
              guint8         bitmap[CORD_VLAN_BITMAP_BYTES])
{
  g_autoptr(GArray) vlans = cord_switch_list_vlans (ios->sim, ios->device);

  memset (bitmap, 0, CORD_VLAN_BITMAP_BYTES);
  for (guint i = 0; i < vlans->len; i++)
    {
      const CordVlanInfo *vlan = &g_array_index (vlans, CordVlanInfo, i);

      if (vlan->ethernet && vlan->active)
        cord_vlan_bitmap_set (bitmap, vlan->vid, TRUE);
    }
}

static void
clamp_to_pt_range (guint8 bitmap[CORD_VLAN_BITMAP_BYTES])
{
  for (guint vid = PT_VLAN_MAX + 1; vid < 4096; vid++)
    cord_vlan_bitmap_set (bitmap, vid, FALSE);
}

static void
cmd_show_trunk (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GPtrArray) ports = list_switchports (ios);
  g_autoptr(GPtrArray) trunks = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  guint8 active[CORD_VLAN_BITMAP_BYTES];
  static const char *const headers[] = {
    "Vlans allowed on trunk",
    "Vlans allowed and active in management domain",
    "Vlans in spanning tree forwarding state and not pruned",
  };

  for (guint i = 0; i < ports->len; i++)
    {
      CordPort *port = ports->pdata[i];
      CordSwitchportInfo info;

      /* Only ports that are trunking now: up, and in trunk mode. */
      if (cord_switch_port_get_info (ios->sim, port, &info) && info.oper_mode == CORD_SWITCHPORT_TRUNK &&
          cord_sim_port_is_up (ios->sim, port))
        g_ptr_array_add (trunks, port);
    }
  if (trunks->len == 0)
    return;
  active_vlans (ios, active);

  g_string_append (out, "Port        Mode         Encapsulation  Status        Native vlan\n");
  for (guint i = 0; i < trunks->len; i++)
    {
      CordPort *port = trunks->pdata[i];
      CordSwitchportInfo info;
      g_autofree char *name = _cord_show_short_name (port->name);
      const char *mode = "on";

      cord_switch_port_get_info (ios->sim, port, &info);
      if (info.admin_mode == CORD_SWITCHPORT_DYNAMIC_AUTO)
        mode = "auto";
      else if (info.admin_mode == CORD_SWITCHPORT_DYNAMIC_DESIRABLE)
        mode = "desirable";
      g_string_append_printf (out, "%-12s%-13s%-15s%-14s%u\n", name, mode,
                              info.admin_encap == CORD_TRUNK_ENCAP_ISL ? "isl" : "802.1q", "trunking",
                              info.native_vlan);
    }
  for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
    {
      g_string_append_printf (out, "\nPort        %s\n", headers[h]);
      for (guint i = 0; i < trunks->len; i++)
        {
          CordPort *port = trunks->pdata[i];
          CordSwitchportInfo info;
          g_autofree char *name = _cord_show_short_name (port->name);
          g_autofree char *list = NULL;

          cord_switch_port_get_info (ios->sim, port, &info);
          clamp_to_pt_range (info.allowed);
          /* Without spanning tree or pruning, the forwarding set is the
           * active one. */
          if (h > 0)
            for (guint b = 0; b < CORD_VLAN_BITMAP_BYTES; b++)
              info.allowed[b] &= active[b];
          list = cord_vlan_bitmap_format (info.allowed);
          g_string_append_printf (out, "%-12s%s\n", name, list);
        }
    }
  cord_ios_exec_print (exec, "%s", out->str);
}

/* --- show interfaces switchport -------------------------------------------- */

static const char *
mode_name (CordSwitchportMode mode)
{
  switch (mode)
    {
    case CORD_SWITCHPORT_ACCESS:
      return "static access";
    case CORD_SWITCHPORT_TRUNK:
      return "trunk";
    case CORD_SWITCHPORT_DYNAMIC_AUTO:
      return "dynamic auto";
    case CORD_SWITCHPORT_DYNAMIC_DESIRABLE:
    default:
      return "dynamic desirable";
    }
}

static const char *
encap_name (CordTrunkEncapsulation encap)
{
  switch (encap)
    {
    case CORD_TRUNK_ENCAP_NEGOTIATE:
      return "negotiate";
    case CORD_TRUNK_ENCAP_ISL:
      return "isl";
    case CORD_TRUNK_ENCAP_DOT1Q:
    default:
      return "dot1q";
    }
}

/* "1 (default)", or "2 (Inactive)" for a VLAN that does not exist. */
static char *
vlan_label (CordIosDevice *ios,
            guint          vid)
{
  g_autofree char *name = vlan_name (ios, vid);

  return g_strdup_printf ("%u (%s)", vid, name != NULL ? name : "Inactive");
}

static gboolean
allows_all (const guint8 *allowed)
{
  for (guint vid = 1; vid <= 4094; vid++)
    if (!cord_vlan_bitmap_get (allowed, vid))
      return FALSE;
  return TRUE;
}

static void
append_switchport (GString       *out,
                   CordIosDevice *ios,
                   CordPort      *port)
{
  CordSwitchportInfo info;
  g_autofree char *name = _cord_show_short_name (port->name);
  g_autofree char *access = NULL;
  g_autofree char *native = NULL;
  g_autofree char *allowed = NULL;
  gboolean trunk, dynamic;

  cord_switch_port_get_info (ios->sim, port, &info);
  trunk = info.oper_mode == CORD_SWITCHPORT_TRUNK;
  dynamic = info.admin_mode == CORD_SWITCHPORT_DYNAMIC_AUTO ||
            info.admin_mode == CORD_SWITCHPORT_DYNAMIC_DESIRABLE;
  access = vlan_label (ios, info.access_vlan);
  native = vlan_label (ios, info.native_vlan);
  /* Packet Tracer writes "All", where IOS writes "ALL". */
  allowed = allows_all (info.allowed) ? g_strdup ("All") : cord_vlan_bitmap_format (info.allowed);

  g_string_append_printf (out, "Name: %s\n"
                               "Switchport: Enabled\n"
                               "Administrative Mode: %s\n"
                               "Operational Mode: %s\n"
                               "Administrative Trunking Encapsulation: %s\n"
                               "Operational Trunking Encapsulation: %s\n"
                               "Negotiation of Trunking: %s\n"
                               "Access Mode VLAN: %s\n"
                               "Trunking Native Mode VLAN: %s\n",
                          name, mode_name (info.admin_mode), trunk ? "trunk" : "static access",
                          encap_name (info.admin_encap), trunk ? "dot1q" : "native",
                          dynamic && !info.nonegotiate ? "On" : "Off", access, native);
  g_string_append_printf (out, "Voice VLAN: none\n"
                               "Administrative private-vlan host-association: none\n"
                               "Administrative private-vlan mapping: none\n"
                               "Administrative private-vlan trunk native VLAN: none\n"
                               "Administrative private-vlan trunk encapsulation: dot1q\n"
                               "Administrative private-vlan trunk normal VLANs: none\n"
                               "Administrative private-vlan trunk private VLANs: none\n"
                               "Operational private-vlan: none\n"
                               "Trunking VLANs Enabled: %s\n"
                               "Pruning VLANs Enabled: 2-1001\n"
                               "Capture Mode Disabled\n"
                               "Capture VLANs Allowed: ALL\n"
                               "Protected: false\n"
                               "Appliance trust: none\n", allowed);
}

static void
cmd_show_switchport (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *name = cord_ios_exec_arg (exec, "IFNAME");
  g_autoptr(GPtrArray) ports = list_switchports (ios);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean found = FALSE;

  for (guint i = 0; i < ports->len; i++)
    {
      CordPort *port = ports->pdata[i];

      if (name != NULL && g_ascii_strcasecmp (port->name, name) != 0)
        continue;
      /* In the full list an empty line parts the ports. */
      if (found)
        g_string_append_c (out, '\n');
      append_switchport (out, ios, port);
      found = TRUE;
    }
  if (name != NULL && !found)
    {
      cord_ios_exec_invalid (exec, "IFNAME");
      return;
    }
  cord_ios_exec_print (exec, "%s", out->str);
}

/* --- show interfaces status ------------------------------------------------- */

static void
cmd_show_status (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GPtrArray) ports = list_switchports (ios);
  g_autoptr(GString) out = g_string_new ("Port      Name               Status       Vlan       Duplex  Speed Type\n");

  for (guint i = 0; i < ports->len; i++)
    {
      CordPort *port = ports->pdata[i];
      CordSwitchportInfo info;
      g_autofree char *name = _cord_show_short_name (port->name);
      g_autofree char *description = g_strndup (cord_ios_interface_get_description (ios, port->name), 18);
      g_autofree char *vlan = NULL;
      g_autofree char *speed = NULL;
      guint configured_speed = cord_ios_interface_get_speed (ios, port->name);
      CordIosDuplex duplex = cord_ios_interface_get_duplex (ios, port->name);
      const char *status;

      cord_switch_port_get_info (ios->sim, port, &info);
      vlan = info.oper_mode == CORD_SWITCHPORT_TRUNK ? g_strdup ("trunk") : g_strdup_printf ("%u", info.access_vlan);
      /* Packet Tracer pads "disabled" one place short of the column. */
      if (cord_sim_port_get_shutdown (ios->sim, port))
        status = "disabled ";
      else
        status = cord_sim_port_is_up (ios->sim, port) ? "connected    " : "notconnect   ";
      /* Packet Tracer marks configured values with "a-" and writes them
       * in a column too narrow for a-1000. */
      speed = configured_speed != 0 ? g_strdup_printf ("a-%u", configured_speed) : g_strdup ("auto");
      g_string_append_printf (out, "%-10s%-19s%s%-11s%-8s%-6s%s\n", name, description != NULL ? description : "",
                              status, vlan,
                              duplex == CORD_IOS_DUPLEX_FULL ? "a-full"
                                : duplex == CORD_IOS_DUPLEX_HALF ? "a-half" : "auto",
                              speed, "10/100BaseTX");
    }
  g_string_append_c (out, '\n');
  cord_ios_exec_print (exec, "%s", out->str);
}

/* --- Table ------------------------------------------------------------------ */

#define SHOW_IF_HELPS(...) CORD_IOS_HELPS (SHOW_STR, N_("Interface status and configuration"), __VA_ARGS__)
#define MAC_TABLE_HELP N_("MAC forwarding table")
#define SWITCHING CORD_IOS_CMD_SWITCHING

#define EXEC_SHOW(node) \
  { node, "show vlan [brief]", CORD_IOS_HELPS (SHOW_STR, N_("VTP VLAN status"), N_("VTP all VLAN status in brief")), cmd_show_vlan, SWITCHING }, \
  { node, "show mac address-table", CORD_IOS_HELPS (SHOW_STR, N_("MAC configuration"), MAC_TABLE_HELP), \
    cmd_show_mac_table, SWITCHING }, \
  { node, "show mac-address-table", CORD_IOS_HELPS (SHOW_STR, MAC_TABLE_HELP), cmd_show_mac_table, \
    SWITCHING | CORD_IOS_CMD_HIDDEN }, \
  { node, "show interfaces trunk", SHOW_IF_HELPS (N_("Show interface trunk information")), cmd_show_trunk, \
    SWITCHING }, \
  { node, "show interfaces switchport", SHOW_IF_HELPS (N_("Show interface switchport information")), \
    cmd_show_switchport, SWITCHING }, \
  { node, "show interfaces IFNAME switchport", \
    SHOW_IF_HELPS (N_("Interface"), N_("Show interface switchport information")), cmd_show_switchport, \
    SWITCHING }, \
  { node, "show interfaces status", SHOW_IF_HELPS (N_("Show interface line status")), cmd_show_status, SWITCHING }

static const CordIosCommand show_switching_commands[] = {
  EXEC_SHOW (CORD_IOS_NODE_USER),
  EXEC_SHOW (CORD_IOS_NODE_ENABLE),
  { 0 },
};

const CordIosModule cord_ios_module_show_switching = {
  "show-switching", show_switching_commands, NULL,
};
