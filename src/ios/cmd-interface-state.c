/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The interface state IOS keeps per device: names resolved to ports, subinterfaces and SVIs, and the link messages it logs. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cmd-interface-private.h"
#include "ip.h"
#include "switching.h"

#define STATE_KEY "cord-ios-interfaces"

/* --- State ------------------------------------------------------------- */

static void
conf_free (_CordIosIfConf *conf)
{
  g_free (conf->name);
  g_free (conf->description);
  g_free (conf);
}

static void
svi_free (_CordIosSvi *svi)
{
  g_free (svi->description);
  g_free (svi);
}

static void
route_clear (_CordIosRoute *route)
{
  g_free (route->ifname);
}

static void
state_free (_CordIosIfState *st)
{
  g_hash_table_unref (st->confs);
  g_ptr_array_unref (st->svis);
  g_array_unref (st->routes);
  g_free (st);
}

gboolean
_cord_ios_has_network (CordIosDevice *ios)
{
  return ios != NULL && ios->sim != NULL && ios->device != NULL;
}

gboolean
_cord_ios_is_switch (CordIosDevice *ios)
{
  return _cord_ios_has_network (ios) && cord_switch_has_vlans (ios->sim, ios->device);
}

gboolean
_cord_ios_is_l3_switch (CordIosDevice *ios)
{
  return _cord_ios_is_switch (ios) && ios->device->model->kind == CORD_KIND_L3SWITCH;
}

/* Switches have Vlan1; so do the routers of IOS 12.4 and later, whose
 * running-config lists it although no port of theirs switches. */
static gboolean
has_vlan1 (CordIosDevice *ios)
{
  if (_cord_ios_is_switch (ios))
    return TRUE;
  return _cord_ios_has_network (ios) && ios->device->model->kind == CORD_KIND_ROUTER &&
         !ios->device->model->ios.legacy;
}

static _CordIosSvi *
svi_new (guint vid)
{
  _CordIosSvi *svi = g_new0 (_CordIosSvi, 1);

  svi->vid = (guint16) vid;
  return svi;
}

_CordIosIfState *
_cord_ios_if_state (CordIosDevice *ios)
{
  _CordIosIfState *st;

  g_assert (ios != NULL);

  st = cord_ios_device_get_data (ios, STATE_KEY);
  if (st != NULL)
    return st;
  st = g_new0 (_CordIosIfState, 1);
  st->confs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) conf_free);
  st->svis = g_ptr_array_new_with_free_func ((GDestroyNotify) svi_free);
  st->routes = g_array_new (FALSE, TRUE, sizeof (_CordIosRoute));
  g_array_set_clear_func (st->routes, (GDestroyNotify) route_clear);
  /* Vlan1 comes from the factory shut down. */
  if (has_vlan1 (ios))
    {
      _CordIosSvi *vlan1 = svi_new (1);

      vlan1->shutdown = TRUE;
      g_ptr_array_add (st->svis, vlan1);
    }
  cord_ios_device_set_data (ios, STATE_KEY, st, (GDestroyNotify) state_free);
  return st;
}

_CordIosIfConf *
_cord_ios_if_conf (CordIosDevice *ios,
                   const char    *name,
                   gboolean       create)
{
  _CordIosIfState *st = _cord_ios_if_state (ios);
  g_autofree char *key = g_ascii_strdown (name, -1);
  _CordIosIfConf *conf = g_hash_table_lookup (st->confs, key);

  if (conf == NULL && create)
    {
      conf = g_new0 (_CordIosIfConf, 1);
      conf->name = g_strdup (name);
      g_hash_table_insert (st->confs, g_steal_pointer (&key), conf);
    }
  return conf;
}

_CordIosSvi *
_cord_ios_svi_find (CordIosDevice *ios,
                    guint          vid)
{
  _CordIosIfState *st = _cord_ios_if_state (ios);

  for (guint i = 0; i < st->svis->len; i++)
    {
      _CordIosSvi *svi = st->svis->pdata[i];

      if (svi->vid == vid)
        return svi;
    }
  return NULL;
}

/* --- Names ------------------------------------------------------------- */

void
_cord_ios_if_ref_clear (_CordIosIfRef *ref)
{
  g_clear_pointer (&ref->name, g_free);
  ref->port = NULL;
}

/* Reads "0/1", "0/0.10" as numbers, so that "0/01" is "0/1" too. */
static gboolean
parse_number (const char  *text,
              GString     *port_part,
              guint64     *sub)
{
  const char *p = text;

  *sub = 0;
  for (;;)
    {
      char *end;
      guint64 n;

      if (!g_ascii_isdigit (*p))
        return FALSE;
      n = g_ascii_strtoull (p, &end, 10);
      if (n > G_MAXUINT32)
        return FALSE;
      g_string_append_printf (port_part, "%" G_GUINT64_FORMAT, n);
      p = end;
      if (*p == '\0')
        return TRUE;
      if (*p == '.')
        {
          if (!g_ascii_isdigit (p[1]))
            return FALSE;
          *sub = g_ascii_strtoull (p + 1, &end, 10);
          return *end == '\0' && *sub >= 1 && *sub <= G_MAXUINT32;
        }
      if (*p != '/')
        return FALSE;
      g_string_append_c (port_part, '/');
      p++;
    }
}

/* The ports that carry frames and so are interfaces: not the console. */
static CordPort *
find_port (CordDevice *device,
           const char *name)
{
  for (guint i = 0; i < device->ports->len; i++)
    {
      CordPort *port = device->ports->pdata[i];

      if ((port->medium == CORD_MEDIUM_COPPER || port->medium == CORD_MEDIUM_FIBER ||
           port->medium == CORD_MEDIUM_SERIAL) &&
          g_ascii_strcasecmp (port->name, name) == 0)
        return port;
    }
  return NULL;
}

gboolean
_cord_ios_if_resolve (CordIosDevice *ios,
                      const char    *name,
                      _CordIosIfRef *ref)
{
  g_autoptr(GString) number = g_string_new (NULL);
  g_autofree char *port_name = NULL;
  const char *digits = name;
  gsize type_len;
  guint64 sub;
  CordIpIfInfo info;

  g_assert (name != NULL && ref != NULL);

  memset (ref, 0, sizeof *ref);
  if (!_cord_ios_has_network (ios))
    return FALSE;
  while (g_ascii_isalpha (*digits) || *digits == '-')
    digits++;
  type_len = digits - name;
  if (!parse_number (digits, number, &sub))
    return FALSE;

  if (type_len == 4 && g_ascii_strncasecmp (name, "Vlan", 4) == 0)
    {
      guint64 vid = g_ascii_strtoull (number->str, NULL, 10);

      if (sub != 0 || strchr (number->str, '/') != NULL || vid < CORD_FRAME_VID_MIN ||
          vid > CORD_FRAME_VID_MAX)
        return FALSE;
      if (_cord_ios_svi_find (ios, (guint) vid) == NULL && !_cord_ios_is_switch (ios))
        return FALSE;
      ref->kind = _CORD_IOS_IF_SVI;
      ref->vid = (guint) vid;
      ref->name = g_strdup_printf ("Vlan%u", ref->vid);
      return TRUE;
    }

  port_name = g_strdup_printf ("%.*s%s", (int) type_len, name, number->str);
  ref->port = find_port (ios->device, port_name);
  if (ref->port == NULL)
    return FALSE;
  if (sub == 0)
    {
      ref->kind = _CORD_IOS_IF_PORT;
      ref->name = g_strdup (ref->port->name);
      return TRUE;
    }
  /* Subinterfaces exist on the routed Ethernet ports of routers. */
  if (!cord_ip_get_interface (ios->sim, ios->device, ref->port->name, &info))
    {
      ref->port = NULL;
      return FALSE;
    }
  cord_ip_if_info_clear (&info);
  if (ref->port->medium == CORD_MEDIUM_SERIAL)
    {
      ref->port = NULL;
      return FALSE;
    }
  ref->kind = _CORD_IOS_IF_SUBIF;
  ref->name = g_strdup_printf ("%s.%" G_GUINT64_FORMAT, ref->port->name, sub);
  return TRUE;
}

const char *const *
_cord_ios_if_members (CordIosExec *exec)
{
  const char *const *members = cord_ios_exec_get_context (exec);
  static const char *const none[] = { NULL };

  return members != NULL ? members : none;
}

gpointer
cord_ios_interface_lookup (CordIosDevice *ios,
                           const char    *name,
                           gpointer       user_data)
{
  g_auto(_CordIosIfRef) ref = { 0 };
  CordIpIfInfo info;
  gboolean found;

  g_return_val_if_fail (ios != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!_cord_ios_if_resolve (ios, name, &ref))
    return NULL;
  switch (ref.kind)
    {
    case _CORD_IOS_IF_SUBIF:
      found = cord_ip_get_interface (ios->sim, ios->device, ref.name, &info);
      if (found)
        cord_ip_if_info_clear (&info);
      break;
    case _CORD_IOS_IF_SVI:
      found = _cord_ios_svi_find (ios, ref.vid) != NULL;
      break;
    case _CORD_IOS_IF_PORT:
    default:
      found = TRUE;
      break;
    }
  return found ? (gpointer) g_intern_string (ref.name) : NULL;
}

/* --- Messages ---------------------------------------------------------- */

void
_cord_ios_msg_link (GPtrArray    *msgs,
                    const char   *name,
                    _CordIosLink  link)
{
  switch (link)
    {
    case _CORD_IOS_LINK_UP:
      g_ptr_array_add (msgs, g_strdup_printf (_("%%LINK-5-CHANGED: Interface %s, changed state to up"),
                                              name));
      break;
    case _CORD_IOS_LINK_DOWN:
      g_ptr_array_add (msgs, g_strdup_printf (_("%%LINK-3-UPDOWN: Interface %s, changed state to down"),
                                              name));
      break;
    case _CORD_IOS_LINK_CHANGED_DOWN:
      g_ptr_array_add (msgs, g_strdup_printf (_("%%LINK-5-CHANGED: Interface %s, changed state to down"),
                                              name));
      break;
    case _CORD_IOS_LINK_ADMIN_DOWN:
    default:
      g_ptr_array_add (msgs, g_strdup_printf (_("%%LINK-5-CHANGED: Interface %s, changed state to "
                                                "administratively down"), name));
      break;
    }
}

void
_cord_ios_msg_proto (GPtrArray  *msgs,
                     const char *name,
                     gboolean    up)
{
  if (up)
    g_ptr_array_add (msgs, g_strdup_printf (_("%%LINEPROTO-5-UPDOWN: Line protocol on Interface %s, "
                                              "changed state to up"), name));
  else
    g_ptr_array_add (msgs, g_strdup_printf (_("%%LINEPROTO-5-UPDOWN: Line protocol on Interface %s, "
                                              "changed state to down"), name));
}

/* An SVI's line protocol is up when it is not shut down, its VLAN exists
 * and a switch port that carries the VLAN is up. */
static gboolean
svi_line_up (CordIosDevice     *ios,
             const _CordIosSvi *svi)
{
  if (svi->shutdown || !_cord_ios_is_switch (ios) ||
      !cord_switch_vlan_exists (ios->sim, ios->device, svi->vid))
    return FALSE;
  for (guint i = 0; i < ios->device->ports->len; i++)
    {
      CordPort *port = ios->device->ports->pdata[i];
      _CordIosIfConf *conf = _cord_ios_if_conf (ios, port->name, FALSE);

      if (conf != NULL && conf->routed)
        continue;
      if (cord_sim_port_is_up (ios->sim, port) && cord_switch_port_allows (ios->sim, port, svi->vid))
        return TRUE;
    }
  return FALSE;
}

void
_cord_ios_svi_refresh (CordIosDevice *ios,
                       GPtrArray     *msgs)
{
  _CordIosIfState *st = _cord_ios_if_state (ios);

  for (guint i = 0; i < st->svis->len; i++)
    {
      _CordIosSvi *svi = st->svis->pdata[i];
      gboolean up = svi_line_up (ios, svi);
      g_autofree char *name = NULL;

      if (up == svi->line_up)
        continue;
      svi->line_up = up;
      name = g_strdup_printf ("Vlan%u", svi->vid);
      if (msgs != NULL)
        _cord_ios_msg_proto (msgs, name, up);
    }
}

void
_cord_ios_log_all (CordIosExec *exec,
                   GPtrArray   *msgs)
{
  if (msgs->len == 0)
    return;
  cord_ios_exec_print (exec, "\n");
  for (guint i = 0; i < msgs->len; i++)
    cord_ios_exec_log (exec, msgs->pdata[i]);
}

void
_cord_ios_print_error (CordIosExec  *exec,
                       const GError *error)
{
  cord_ios_exec_print (exec, "%s\n", error->message);
}

static gboolean
is_subif_of (const CordIpIfInfo *info,
             const CordPort     *port)
{
  gsize len = strlen (port->name);

  return info->is_subif && strncmp (info->name, port->name, len) == 0 && info->name[len] == '.';
}

void
_cord_ios_port_messages (CordIosDevice *ios,
                         CordPort      *port,
                         _CordIosLink   link,
                         gboolean       proto,
                         GPtrArray     *msgs)
{
  GArray *ifs;

  g_assert (_cord_ios_has_network (ios) && port != NULL && msgs != NULL);

  _cord_ios_msg_link (msgs, port->name, link);
  if (proto)
    _cord_ios_msg_proto (msgs, port->name, link == _CORD_IOS_LINK_UP);
  /* Its subinterfaces follow it, but for those shut down themselves. */
  ifs = cord_ip_list_interfaces (ios->sim, ios->device);
  for (guint i = 0; ifs != NULL && i < ifs->len; i++)
    {
      const CordIpIfInfo *info = &g_array_index (ifs, CordIpIfInfo, i);
      _CordIosIfConf *conf = _cord_ios_if_conf (ios, info->name, FALSE);

      if (!is_subif_of (info, port) || (conf != NULL && conf->shutdown))
        continue;
      _cord_ios_msg_link (msgs, info->name, link);
      if (proto)
        _cord_ios_msg_proto (msgs, info->name, link == _CORD_IOS_LINK_UP);
    }
  if (ifs != NULL)
    g_array_unref (ifs);
}

char **
cord_ios_port_changed (CordIosDevice *ios,
                       CordPort      *port,
                       gboolean       up)
{
  g_autoptr(GPtrArray) msgs = g_ptr_array_new ();
  _CordIosIfState *st;

  g_return_val_if_fail (ios != NULL, NULL);
  g_return_val_if_fail (port != NULL, NULL);

  st = _cord_ios_if_state (ios);
  if (_cord_ios_has_network (ios) && port->device == ios->device && port != st->changing)
    {
      _cord_ios_port_messages (ios, port, up ? _CORD_IOS_LINK_UP : _CORD_IOS_LINK_DOWN, TRUE, msgs);
      _cord_ios_svi_refresh (ios, msgs);
    }
  g_ptr_array_add (msgs, NULL);
  return (char **) g_ptr_array_steal (msgs, NULL);
}

void
cord_ios_interfaces_enable_all (CordIosDevice *ios)
{
  _CordIosIfState *st;

  g_return_if_fail (ios != NULL);

  if (!_cord_ios_has_network (ios))
    return;
  st = _cord_ios_if_state (ios);
  for (guint i = 0; i < ios->device->ports->len; i++)
    {
      CordPort *port = ios->device->ports->pdata[i];

      if (find_port (ios->device, port->name) == port)
        {
          st->changing = port;
          cord_sim_port_set_shutdown (ios->sim, port, FALSE, NULL);
          st->changing = NULL;
        }
    }
  for (guint i = 0; i < st->svis->len; i++)
    ((_CordIosSvi *) st->svis->pdata[i])->shutdown = FALSE;
  /* What comes up now is logged when the console starts, not here. */
  _cord_ios_svi_refresh (ios, NULL);
}

/* --- Queries ----------------------------------------------------------- */

static void
svi_to_info (const _CordIosSvi *svi,
             CordIosSviInfo    *info)
{
  info->vid = svi->vid;
  info->address = svi->address;
  info->mask = svi->mask;
  info->admin_up = !svi->shutdown;
  info->line_up = svi->line_up;
  info->description = g_strdup (svi->description);
}

void
cord_ios_svi_info_clear (CordIosSviInfo *info)
{
  g_return_if_fail (info != NULL);
  g_clear_pointer (&info->description, g_free);
}

GArray *
cord_ios_list_svis (CordIosDevice *ios)
{
  _CordIosIfState *st;
  GArray *out;

  g_return_val_if_fail (ios != NULL, NULL);

  out = g_array_new (FALSE, TRUE, sizeof (CordIosSviInfo));
  g_array_set_clear_func (out, (GDestroyNotify) cord_ios_svi_info_clear);
  st = _cord_ios_if_state (ios);
  for (guint i = 0; i < st->svis->len; i++)
    {
      CordIosSviInfo info;

      svi_to_info (st->svis->pdata[i], &info);
      g_array_append_val (out, info);
    }
  return out;
}

gboolean
cord_ios_get_svi (CordIosDevice  *ios,
                  guint           vid,
                  CordIosSviInfo *info)
{
  _CordIosSvi *svi;

  g_return_val_if_fail (ios != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  memset (info, 0, sizeof *info);
  svi = _cord_ios_svi_find (ios, vid);
  if (svi == NULL)
    return FALSE;
  svi_to_info (svi, info);
  return TRUE;
}

const char *
cord_ios_interface_get_description (CordIosDevice *ios,
                                    const char    *ifname)
{
  _CordIosIfConf *conf;

  g_return_val_if_fail (ios != NULL, NULL);
  g_return_val_if_fail (ifname != NULL, NULL);

  if (g_ascii_strncasecmp (ifname, "Vlan", 4) == 0 && g_ascii_isdigit (ifname[4]))
    {
      _CordIosSvi *svi = _cord_ios_svi_find (ios, (guint) g_ascii_strtoull (ifname + 4, NULL, 10));

      return svi != NULL ? svi->description : NULL;
    }
  conf = _cord_ios_if_conf (ios, ifname, FALSE);
  return conf != NULL ? conf->description : NULL;
}

guint
cord_ios_interface_get_speed (CordIosDevice *ios,
                              const char    *ifname)
{
  _CordIosIfConf *conf;

  g_return_val_if_fail (ios != NULL, 0);
  g_return_val_if_fail (ifname != NULL, 0);

  conf = _cord_ios_if_conf (ios, ifname, FALSE);
  return conf != NULL ? conf->speed : 0;
}

CordIosDuplex
cord_ios_interface_get_duplex (CordIosDevice *ios,
                               const char    *ifname)
{
  _CordIosIfConf *conf;

  g_return_val_if_fail (ios != NULL, CORD_IOS_DUPLEX_AUTO);
  g_return_val_if_fail (ifname != NULL, CORD_IOS_DUPLEX_AUTO);

  conf = _cord_ios_if_conf (ios, ifname, FALSE);
  return conf != NULL ? conf->duplex : CORD_IOS_DUPLEX_AUTO;
}

gboolean
cord_ios_interface_is_routed (CordIosDevice *ios,
                              const char    *ifname)
{
  _CordIosIfConf *conf;

  g_return_val_if_fail (ios != NULL, FALSE);
  g_return_val_if_fail (ifname != NULL, FALSE);

  conf = _cord_ios_if_conf (ios, ifname, FALSE);
  return conf != NULL && conf->routed;
}

guint32
cord_ios_get_default_gateway (CordIosDevice *ios)
{
  g_return_val_if_fail (ios != NULL, 0);
  return _cord_ios_if_state (ios)->default_gateway;
}

gboolean
cord_ios_get_ip_routing (CordIosDevice *ios)
{
  g_return_val_if_fail (ios != NULL, FALSE);
  return _cord_ios_if_state (ios)->ip_routing;
}
