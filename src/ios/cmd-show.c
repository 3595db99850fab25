/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers the show command tables share: the interface list, short names, addresses and trimmed output. */
#include "config.h"

#include <string.h>

#include "cmd-show-private.h"
#include "ip.h"
#include "switching.h"

void
_cord_show_if_free (_CordShowIf *iface)
{
  if (iface == NULL)
    return;
  g_free (iface->name);
  g_free (iface);
}

guint64
_cord_show_now (CordIosDevice *ios)
{
  g_assert (ios != NULL);
  return ios->sim != NULL ? cord_engine_now (cord_sim_get_engine (ios->sim)) : 0;
}

char *
_cord_show_mac (guint64  mac,
                gboolean upper)
{
  char *text = cord_mac_format (mac);

  if (upper)
    {
      char *up = g_ascii_strup (text, -1);

      g_free (text);
      return up;
    }
  return text;
}

char *
_cord_show_ipv4 (guint32 address)
{
  char buf[CORD_FRAME_IPV4_STRLEN];

  return g_strdup (cord_frame_ipv4_to_string (address, buf));
}

guint
_cord_show_mask_len (guint32 mask)
{
  guint len = 0;

  while (len < 32 && (mask & (0x80000000u >> len)) != 0)
    len++;
  return len;
}

/* Packet Tracer's abbreviations: note "Gig", where IOS itself writes "Gi". */
static const struct {
  const char *type;
  const char *abbrev;
} short_types[] = {
  { "FastEthernet", "Fa" },
  { "GigabitEthernet", "Gig" },
  { "Ethernet", "Et" },
  { "Serial", "Se" },
  { "Port-channel", "Po" },
};

char *
_cord_show_short_name (const char *name)
{
  g_assert (name != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (short_types); i++)
    if (g_str_has_prefix (name, short_types[i].type) &&
        g_ascii_isdigit (name[strlen (short_types[i].type)]))
      return g_strconcat (short_types[i].abbrev, name + strlen (short_types[i].type), NULL);
  return g_strdup (name);
}

void
_cord_show_print_trimmed (CordIosExec *exec,
                          GString     *text)
{
  gboolean newline;
  gsize end;

  g_assert (exec != NULL && text != NULL);

  newline = text->len > 0 && text->str[text->len - 1] == '\n';
  end = text->len - (newline ? 1 : 0);
  while (end > 0 && text->str[end - 1] == ' ')
    end--;
  g_string_truncate (text, end);
  if (newline)
    g_string_append_c (text, '\n');
  cord_ios_exec_print (exec, "%s", text->str);
}

char *
_cord_show_serial_number (CordIosDevice *ios)
{
  static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  guint64 seed;
  char tail[5];

  g_assert (ios != NULL);

  seed = ios->device != NULL ? ios->device->mac_base : 0;
  for (guint i = 0; i < 4; i++)
    {
      tail[i] = digits[seed % 36];
      seed /= 36;
    }
  tail[4] = '\0';
  return g_strconcat ("FTX1524", tail, NULL);
}

/* --- The interface list ------------------------------------------------ */

static gboolean
is_switch (CordIosDevice *ios)
{
  return ios->sim != NULL && ios->device != NULL && cord_switch_is_switch (ios->sim, ios->device);
}

static gboolean
port_carries_frames (const CordPort *port)
{
  return port->medium == CORD_MEDIUM_COPPER || port->medium == CORD_MEDIUM_FIBER ||
         port->medium == CORD_MEDIUM_SERIAL;
}

static void
add_switch_ports (CordIosDevice *ios,
                  GPtrArray     *out)
{
  for (guint i = 0; i < ios->device->ports->len; i++)
    {
      CordPort *port = ios->device->ports->pdata[i];
      CordSwitchportInfo info;
      _CordShowIf *iface;

      if (!port_carries_frames (port) || !cord_switch_port_get_info (ios->sim, port, &info))
        continue;
      iface = g_new0 (_CordShowIf, 1);
      iface->kind = _CORD_SHOW_IF_PORT;
      iface->name = g_strdup (port->name);
      iface->port = port;
      iface->switchport = TRUE;
      iface->admin_up = !cord_sim_port_get_shutdown (ios->sim, port);
      iface->line_up = cord_sim_port_is_up (ios->sim, port);
      iface->mac = port->mac;
      g_ptr_array_add (out, iface);
    }
}

static void
add_ip_interfaces (CordIosDevice *ios,
                   GPtrArray     *out)
{
  g_autoptr(GArray) ifs = cord_ip_list_interfaces (ios->sim, ios->device);
  CordPort *parent = NULL;

  for (guint i = 0; ifs != NULL && i < ifs->len; i++)
    {
      const CordIpIfInfo *info = &g_array_index (ifs, CordIpIfInfo, i);
      _CordShowIf *iface = g_new0 (_CordShowIf, 1);

      if (!info->is_subif)
        parent = cord_device_find_port (ios->device, info->name);
      iface->kind = info->is_subif ? _CORD_SHOW_IF_SUBIF : _CORD_SHOW_IF_PORT;
      iface->name = g_strdup (info->name);
      iface->port = parent;
      iface->serial = info->serial;
      iface->address = info->address;
      iface->mask = info->mask;
      iface->admin_up = info->admin_up;
      iface->line_up = info->line_up;
      iface->vid = info->vid;
      iface->mac = info->mac;
      iface->bia = info->bia;
      g_ptr_array_add (out, iface);
    }
}

static void
add_vlan_interfaces (CordIosDevice *ios,
                     GPtrArray     *out)
{
  g_autoptr(GArray) svis = cord_ios_list_svis (ios);

  for (guint i = 0; svis != NULL && i < svis->len; i++)
    {
      const CordIosSviInfo *svi = &g_array_index (svis, CordIosSviInfo, i);
      _CordShowIf *iface = g_new0 (_CordShowIf, 1);

      iface->kind = _CORD_SHOW_IF_VIRTUAL;
      iface->name = g_strdup_printf ("Vlan%u", svi->vid);
      iface->address = svi->address;
      iface->mask = svi->mask;
      iface->admin_up = svi->admin_up;
      iface->line_up = svi->line_up;
      iface->vid = svi->vid;
      /* The MAC every device keeps beyond its ports' (topology.h). */
      iface->mac = ios->device != NULL ? ios->device->mac_base : 0;
      g_ptr_array_add (out, iface);
    }
}

GPtrArray *
_cord_show_list_ifs (CordIosDevice *ios)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) _cord_show_if_free);

  g_assert (ios != NULL);

  if (ios->sim != NULL && ios->device != NULL)
    {
      if (is_switch (ios))
        add_switch_ports (ios, out);
      else
        add_ip_interfaces (ios, out);
    }
  add_vlan_interfaces (ios, out);
  return out;
}

_CordShowIf *
_cord_show_find_if (CordIosDevice *ios,
                    const char    *name)
{
  g_autoptr(GPtrArray) ifs = _cord_show_list_ifs (ios);

  g_assert (name != NULL);

  for (guint i = 0; i < ifs->len; i++)
    {
      _CordShowIf *iface = ifs->pdata[i];

      if (g_ascii_strcasecmp (iface->name, name) == 0)
        return g_ptr_array_steal_index (ifs, i);
    }
  return NULL;
}
