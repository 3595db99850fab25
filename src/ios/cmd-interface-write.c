/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The interface blocks of the running-config, written from the live state of the ports, subinterfaces and SVIs. */
#include "config.h"

#include <string.h>

#include "cmd-interface-private.h"
#include "ip.h"

static gboolean
is_ethernet (const CordPort *port)
{
  return port->medium == CORD_MEDIUM_COPPER || port->medium == CORD_MEDIUM_FIBER;
}

static void
write_address (GString *out,
               guint32  address,
               guint32  mask)
{
  char a[CORD_FRAME_IPV4_STRLEN], m[CORD_FRAME_IPV4_STRLEN];

  if (address == 0)
    g_string_append (out, " no ip address\n");
  else
    g_string_append_printf (out, " ip address %s %s\n", cord_frame_ipv4_to_string (address, a),
                            cord_frame_ipv4_to_string (mask, m));
}

static const char *
duplex_word (CordIosDuplex duplex)
{
  switch (duplex)
    {
    case CORD_IOS_DUPLEX_HALF:
      return "half";
    case CORD_IOS_DUPLEX_FULL:
      return "full";
    case CORD_IOS_DUPLEX_AUTO:
    default:
      return "auto";
    }
}

/* Routers write both lines always, switches only what was changed. */
static void
write_speed_duplex (GString              *out,
                    const _CordIosIfConf *conf,
                    gboolean              always)
{
  CordIosDuplex duplex = conf != NULL ? conf->duplex : CORD_IOS_DUPLEX_AUTO;
  guint speed = conf != NULL ? conf->speed : 0;

  if (always || duplex != CORD_IOS_DUPLEX_AUTO)
    g_string_append_printf (out, " duplex %s\n", duplex_word (duplex));
  if (speed != 0)
    g_string_append_printf (out, " speed %u\n", speed);
  else if (always)
    g_string_append (out, " speed auto\n");
}

static void
write_description (GString              *out,
                   const _CordIosIfConf *conf)
{
  if (conf != NULL && conf->description != NULL)
    g_string_append_printf (out, " description %s\n", conf->description);
}

static void
write_router_interfaces (CordIosDevice *ios,
                         GString       *out)
{
  GArray *ifs = cord_ip_list_interfaces (ios->sim, ios->device);

  for (guint i = 0; ifs != NULL && i < ifs->len; i++)
    {
      const CordIpIfInfo *info = &g_array_index (ifs, CordIpIfInfo, i);
      _CordIosIfConf *conf = _cord_ios_if_conf (ios, info->name, FALSE);
      CordPort *port;

      g_string_append_printf (out, "interface %s\n", info->name);
      write_description (out, conf);
      if (info->is_subif)
        {
          if (info->vid != 0)
            g_string_append_printf (out, " encapsulation dot1Q %u%s\n", info->vid,
                                    info->native ? " native" : "");
          write_address (out, info->address, info->mask);
          if (conf != NULL && conf->shutdown)
            g_string_append (out, " shutdown\n");
        }
      else
        {
          port = cord_device_find_port (ios->device, info->name);
          if (info->mac != info->bia)
            {
              CordMac mac;
              char text[CORD_FRAME_MAC_STRLEN];

              cord_mac_to_bytes (info->mac, mac.b);
              g_string_append_printf (out, " mac-address %s\n", cord_frame_mac_to_ios (&mac, text));
            }
          write_address (out, info->address, info->mask);
          if (port != NULL && is_ethernet (port))
            write_speed_duplex (out, conf, TRUE);
          if (port != NULL && cord_sim_port_get_shutdown (ios->sim, port))
            g_string_append (out, " shutdown\n");
        }
      g_string_append (out, "!\n");
    }
  if (ifs != NULL)
    g_array_unref (ifs);
}

static void
write_switch_interfaces (CordIosDevice *ios,
                         GString       *out)
{
  for (guint i = 0; i < ios->device->ports->len; i++)
    {
      CordPort *port = ios->device->ports->pdata[i];
      _CordIosIfConf *conf = _cord_ios_if_conf (ios, port->name, FALSE);

      if (!is_ethernet (port))
        continue;
      g_string_append_printf (out, "interface %s\n", port->name);
      write_description (out, conf);
      if (conf != NULL && conf->routed)
        {
          g_string_append (out, " no switchport\n");
          write_address (out, conf->address, conf->mask);
        }
      else
        _cord_ios_write_switchport (ios, port, out);
      write_speed_duplex (out, conf, FALSE);
      if (cord_sim_port_get_shutdown (ios->sim, port))
        g_string_append (out, " shutdown\n");
      g_string_append (out, "!\n");
    }
}

void
_cord_ios_write_interfaces (CordIosDevice *ios,
                            GString       *out)
{
  _CordIosIfState *st;

  if (!_cord_ios_has_network (ios))
    return;
  if (_cord_ios_is_switch (ios))
    write_switch_interfaces (ios, out);
  else
    write_router_interfaces (ios, out);
  st = _cord_ios_if_state (ios);
  for (guint i = 0; i < st->svis->len; i++)
    {
      const _CordIosSvi *svi = st->svis->pdata[i];

      g_string_append_printf (out, "interface Vlan%u\n", svi->vid);
      if (svi->description != NULL)
        g_string_append_printf (out, " description %s\n", svi->description);
      write_address (out, svi->address, svi->mask);
      if (svi->shutdown)
        g_string_append (out, " shutdown\n");
      g_string_append (out, "!\n");
    }
}

