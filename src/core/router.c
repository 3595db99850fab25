/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Routers: their behaviour in the runtime, and their IP configuration (addresses, subinterfaces, static routes) and tables. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "ip-private.h"

/* Bounds on what a configuration may create. */
#define MAX_SUBIFS_PER_PORT   4094u
/* Tables are rebuilt in O(routes²); real lab configs stay far below. */
#define MAX_STATIC_ROUTES     1000u

/* ---- Behaviour ------------------------------------------------------------ */

static void
router_receive (CordSimDevice      *sdev,
                CordSimPort        *port,
                CordFrame          *frame,
                const CordL2Header *l2)
{
  _cord_ip_receive (_cord_ip_dev_get (sdev), port, frame, l2);
}

static void
router_port_changed (CordSimDevice *sdev,
                     CordSimPort   *port)
{
  _cord_ip_refresh (_cord_ip_dev_get (sdev));
}

static void
router_port_added (CordSimDevice *sdev,
                   CordSimPort   *port)
{
  _cord_ip_port_added (_cord_ip_dev_get (sdev), port);
}

static void
router_port_removed (CordSimDevice *sdev,
                     CordSimPort   *port)
{
  if (sdev->impl != NULL)
    _cord_ip_port_removed (sdev->impl, port);
}

/* Off: everything learned goes. On: a boot, so the configuration goes
 * back to the factory's (the runtime has already shut the ports down) and
 * the IOS layer replays the startup-config. */
static void
router_power_changed (CordSimDevice *sdev)
{
  CordIpDev *ipdev = _cord_ip_dev_get (sdev);

  _cord_ip_stop_all (ipdev);
  if (sdev->device->powered)
    _cord_router_factory_reset (ipdev);
  _cord_ip_refresh (ipdev);
}

static void
router_free (CordSimDevice *sdev)
{
  _cord_ip_dev_free (sdev);
}

const CordSimDeviceOps _cord_router_ops = {
  .receive = router_receive,
  .port_changed = router_port_changed,
  .port_added = router_port_added,
  .port_removed = router_port_removed,
  .power_changed = router_power_changed,
  .free = router_free,
};

void
_cord_router_factory_reset (CordIpDev *ipdev)
{
  g_assert (ipdev != NULL);

  _cord_ip_arp_clear (ipdev);
  for (guint i = 0; i < ipdev->ifs->len; i++)
    {
      CordIpIf *ifp = ipdev->ifs->pdata[i];

      ifp->address = ifp->mask = 0;
      ifp->mac = 0;
      if (ifp->subifs != NULL)
        {
          for (guint j = 0; j < ifp->subifs->len; j++)
            _cord_ip_if_free (ifp->subifs->pdata[j]);
          g_ptr_array_set_size (ifp->subifs, 0);
        }
    }
  g_array_set_size (ipdev->statics, 0);
  _cord_dhcp_server_reset (ipdev);
  _cord_ip_routes_changed (ipdev);
}

/* ---- Configuration ------------------------------------------------------------ */

static CordIpIf *
need_if (CordIpDev   *ipdev,
         const char  *ifname,
         GError     **error)
{
  CordIpIf *ifp = _cord_ip_if_find (ipdev, ifname);

  if (ifp == NULL)
    g_set_error (error, CORD_ERROR, CORD_ERROR_UNKNOWN_PORT,
                 _("%s has no interface “%s”"), ipdev->sdev->device->name, ifname);
  return ifp;
}

static gint
subif_cmp (gconstpointer a,
           gconstpointer b)
{
  const CordIpIf *x = *(CordIpIf * const *) a, *y = *(CordIpIf * const *) b;

  return x->number < y->number ? -1 : x->number > y->number;
}

gboolean
cord_ip_subif_add (CordSim     *sim,
                   CordDevice  *device,
                   const char  *name,
                   GError     **error)
{
  CordIpDev *ipdev;
  const char *dot;
  g_autofree char *parent_name = NULL;
  CordIpIf *parent, *sub;
  guint64 number;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ipdev = _cord_ip_dev_lookup (sim, device, TRUE, error);
  if (ipdev == NULL)
    return FALSE;
  dot = strrchr (name, '.');
  if (dot == NULL)
    return need_if (ipdev, name, error) != NULL;
  parent_name = g_strndup (name, (gsize) (dot - name));
  parent = need_if (ipdev, parent_name, error);
  if (parent == NULL)
    return FALSE;
  if (parent->is_subif)
    return need_if (ipdev, name, error) != NULL;
  if (!g_ascii_string_to_unsigned (dot + 1, 10, 1, G_MAXUINT32, &number, NULL))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("“%s” is not a subinterface number: use 1 to 4294967295"), dot + 1);
      return FALSE;
    }
  if (parent->serial)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s runs Cisco HDLC, which has no subinterfaces; use an Ethernet port"),
                   parent->name);
      return FALSE;
    }
  for (guint i = 0; i < parent->subifs->len; i++)
    if (((CordIpIf *) parent->subifs->pdata[i])->number == number)
      return TRUE;
  if (parent->subifs->len >= MAX_SUBIFS_PER_PORT)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("%s already has %u subinterfaces, the most one port may have"),
                   parent->name, MAX_SUBIFS_PER_PORT);
      return FALSE;
    }
  sub = _cord_ip_if_new (ipdev, parent->port, (guint32) number);
  g_ptr_array_add (parent->subifs, sub);
  g_ptr_array_sort (parent->subifs, subif_cmp);
  /* Down until the refresh finds its parent up: the hook then reports it
   * coming up, as IOS logs a new subinterface. */
  _cord_ip_refresh (ipdev);
  return TRUE;
}

gboolean
cord_ip_subif_remove (CordSim     *sim,
                      CordDevice  *device,
                      const char  *name,
                      GError     **error)
{
  CordIpDev *ipdev;
  CordIpIf *sub, *parent;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ipdev = _cord_ip_dev_lookup (sim, device, TRUE, error);
  if (ipdev == NULL || (sub = need_if (ipdev, name, error)) == NULL)
    return FALSE;
  if (!sub->is_subif)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%% Only subinterfaces can be removed; %s is a port"), sub->name);
      return FALSE;
    }
  parent = sub->port->ip;
  _cord_ip_arp_flush_if (ipdev, sub);
  g_ptr_array_remove (parent->subifs, sub);
  _cord_ip_if_free (sub);
  _cord_ip_refresh (ipdev);
  return TRUE;
}

gboolean
cord_ip_if_set_encapsulation (CordSim     *sim,
                              CordDevice  *device,
                              const char  *ifname,
                              guint        vid,
                              gboolean     native,
                              GError     **error)
{
  CordIpDev *ipdev;
  CordIpIf *ifp, *parent;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (ifname != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ipdev = _cord_ip_dev_lookup (sim, device, TRUE, error);
  if (ipdev == NULL || (ifp = need_if (ipdev, ifname, error)) == NULL)
    return FALSE;
  if (!ifp->is_subif)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%% dot1Q encapsulation goes on a subinterface such as %s.10, not on %s"),
                   ifp->name, ifp->name);
      return FALSE;
    }
  if (vid > CORD_FRAME_VID_MAX)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("%% VLAN ID %u is out of range: use 1 to %u"), vid, CORD_FRAME_VID_MAX);
      return FALSE;
    }
  parent = ifp->port->ip;
  for (guint i = 0; vid != 0 && i < parent->subifs->len; i++)
    {
      CordIpIf *other = parent->subifs->pdata[i];

      if (other == ifp)
        continue;
      if (other->vid == vid)
        {
          g_set_error (error, CORD_ERROR, CORD_ERROR_EXISTS,
                       _("%%Configuration of multiple subinterfaces of the same main interface "
                         "with the same VID (%u) is not permitted. This VID is already "
                         "configured on %s."), vid, other->name);
          return FALSE;
        }
      if (native && other->native)
        {
          g_set_error (error, CORD_ERROR, CORD_ERROR_EXISTS,
                       _("%% The native VLAN of %s is already VLAN %u on %s"),
                       parent->name, other->vid, other->name);
          return FALSE;
        }
    }
  if (ifp->vid == vid && ifp->native == native)
    return TRUE;
  /* The neighbours were in the old VLAN; without a VLAN the address is
   * not allowed either (IOS removes it). */
  _cord_ip_arp_flush_if (ipdev, ifp);
  ifp->vid = (guint16) vid;
  ifp->native = vid != 0 && native;
  if (vid == 0)
    ifp->address = ifp->mask = 0;
  _cord_ip_routes_changed (ipdev);
  return TRUE;
}

gboolean
cord_ip_if_set_address (CordSim     *sim,
                        CordDevice  *device,
                        const char  *ifname,
                        guint32      address,
                        guint32      mask,
                        GError     **error)
{
  CordIpDev *ipdev;
  CordIpIf *ifp;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (ifname != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ipdev = _cord_ip_dev_lookup (sim, device, TRUE, error);
  if (ipdev == NULL || (ifp = need_if (ipdev, ifname, error)) == NULL)
    return FALSE;
  if (address != 0 || mask != 0)
    {
      if (!cord_ip_check_address (address, mask, error))
        return FALSE;
      if (ifp->is_subif && ifp->vid == 0)
        {
          g_set_error_literal (error, CORD_ERROR, CORD_ERROR_INVALID,
                               _("% Configuring IP routing on a LAN subinterface is only allowed "
                                 "if that subinterface is already configured as part of an IEEE "
                                 "802.10, IEEE 802.1Q, or ISL vLAN."));
          return FALSE;
        }
      CORD_IP_FOREACH_IF (ipdev, other, {
        guint32 m = MIN (mask, other->mask);

        if (other != ifp && other->address != 0 && (address & m) == (other->address & m))
          {
            char net[CORD_FRAME_IPV4_STRLEN];

            g_set_error (error, CORD_ERROR, CORD_ERROR_EXISTS, _("%% %s overlaps with %s"),
                         cord_frame_ipv4_to_string (address & mask, net), other->name);
            return FALSE;
          }
      })
    }
  if (ifp->address == address && ifp->mask == mask)
    return TRUE;
  _cord_ip_arp_flush_if (ipdev, ifp);
  ifp->address = address;
  ifp->mask = mask;
  _cord_ip_routes_changed (ipdev);
  return TRUE;
}

gboolean
cord_ip_if_set_shutdown (CordSim     *sim,
                         CordDevice  *device,
                         const char  *ifname,
                         gboolean     shutdown,
                         GError     **error)
{
  CordIpDev *ipdev;
  CordIpIf *ifp;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (ifname != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ipdev = _cord_ip_dev_lookup (sim, device, TRUE, error);
  if (ipdev == NULL || (ifp = need_if (ipdev, ifname, error)) == NULL)
    return FALSE;
  /* A port's state belongs to the runtime, which calls back with the
   * line protocol. */
  if (!ifp->is_subif)
    return cord_sim_port_set_shutdown (sim, ifp->port->port, shutdown, error);
  ifp->shutdown = shutdown;
  _cord_ip_refresh (ipdev);
  return TRUE;
}

gboolean
cord_ip_if_set_mac (CordSim     *sim,
                    CordDevice  *device,
                    const char  *ifname,
                    guint64      mac,
                    GError     **error)
{
  CordIpDev *ipdev;
  CordIpIf *ifp;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (ifname != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ipdev = _cord_ip_dev_lookup (sim, device, TRUE, error);
  if (ipdev == NULL || (ifp = need_if (ipdev, ifname, error)) == NULL)
    return FALSE;
  if (ifp->serial || ifp->is_subif)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s has no MAC address of its own to set"), ifp->name);
      return FALSE;
    }
  if (mac >= G_GUINT64_CONSTANT (1) << 48 || (mac >> 40 & 1) != 0)
    {
      g_autofree char *text = cord_mac_format (mac & ((G_GUINT64_CONSTANT (1) << 48) - 1));

      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("%s is not a unicast MAC address: clear the lowest bit of its first byte"), text);
      return FALSE;
    }
  if (mac == ifp->port->port->mac)
    mac = 0;
  if (ifp->mac == mac)
    return TRUE;
  ifp->mac = mac;
  /* Forget the neighbours: asking again tells them the new address (an
   * ARP request refreshes the sender's entry at its target). */
  _cord_ip_arp_flush_if (ipdev, ifp);
  if (ifp->subifs != NULL)
    for (guint i = 0; i < ifp->subifs->len; i++)
      _cord_ip_arp_flush_if (ipdev, ifp->subifs->pdata[i]);
  return TRUE;
}

/* ---- Static routes ------------------------------------------------------------ */

static gboolean
static_matches (const CordIpStatic *s,
                guint32             prefix,
                guint32             mask,
                guint32             nexthop,
                const char         *ifname,
                gboolean            wildcards)
{
  if (s->prefix != prefix || s->mask != mask)
    return FALSE;
  if (wildcards && nexthop == 0 && ifname == NULL)
    return TRUE;
  if (s->nexthop != nexthop && !(wildcards && nexthop == 0))
    return FALSE;
  if (ifname == NULL)
    return s->ifname == NULL || wildcards;
  return s->ifname != NULL && g_ascii_strcasecmp (s->ifname, ifname) == 0;
}

gboolean
cord_ip_route_add (CordSim     *sim,
                   CordDevice  *device,
                   guint32      prefix,
                   guint32      mask,
                   guint32      nexthop,
                   const char  *ifname,
                   guint        distance,
                   GError     **error)
{
  CordIpDev *ipdev;
  CordIpIf *ifp = NULL;
  CordIpStatic s;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ipdev = _cord_ip_dev_lookup (sim, device, TRUE, error);
  if (ipdev == NULL)
    return FALSE;
  if (!cord_ip_mask_is_contiguous (mask) || (prefix & ~mask) != 0)
    {
      g_set_error_literal (error, CORD_ERROR, CORD_ERROR_INVALID,
                           _("%Inconsistent address and mask"));
      return FALSE;
    }
  if (nexthop == 0 && ifname == NULL)
    {
      g_set_error_literal (error, CORD_ERROR, CORD_ERROR_INVALID,
                           _("% A static route needs a next hop address or an exit interface"));
      return FALSE;
    }
  if (ifname != NULL && (ifp = need_if (ipdev, ifname, error)) == NULL)
    return FALSE;
  if (nexthop != 0)
    {
      if (!_cord_ip_is_host_address (nexthop))
        {
          g_set_error_literal (error, CORD_ERROR, CORD_ERROR_INVALID,
                               _("%Invalid next hop address"));
          return FALSE;
        }
      CORD_IP_FOREACH_IF (ipdev, other, {
        if (other->address == nexthop)
          {
            g_set_error_literal (error, CORD_ERROR, CORD_ERROR_INVALID,
                                 _("%Invalid next hop address (it's this router)"));
            return FALSE;
          }
      })
    }
  if (distance == 0)
    distance = 1;
  if (distance > 255)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("%% Distance %u is out of range: use 1 to 255"), distance);
      return FALSE;
    }
  for (guint i = 0; i < ipdev->statics->len; i++)
    {
      CordIpStatic *old = &g_array_index (ipdev->statics, CordIpStatic, i);

      if (static_matches (old, prefix, mask, nexthop, ifname, FALSE))
        {
          old->distance = distance;
          _cord_ip_routes_changed (ipdev);
          return TRUE;
        }
    }
  if (ipdev->statics->len >= MAX_STATIC_ROUTES)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("%s already has %u static routes, the most a router may have"),
                   device->name, MAX_STATIC_ROUTES);
      return FALSE;
    }
  s.prefix = prefix;
  s.mask = mask;
  s.nexthop = nexthop;
  s.ifname = ifp != NULL ? g_strdup (ifp->name) : NULL;
  s.distance = distance;
  g_array_append_val (ipdev->statics, s);
  _cord_ip_routes_changed (ipdev);
  return TRUE;
}

gboolean
cord_ip_route_remove (CordSim     *sim,
                      CordDevice  *device,
                      guint32      prefix,
                      guint32      mask,
                      guint32      nexthop,
                      const char  *ifname,
                      GError     **error)
{
  CordIpDev *ipdev;
  guint removed = 0;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ipdev = _cord_ip_dev_lookup (sim, device, TRUE, error);
  if (ipdev == NULL)
    return FALSE;
  for (guint i = 0; i < ipdev->statics->len; i++)
    if (static_matches (&g_array_index (ipdev->statics, CordIpStatic, i),
                        prefix, mask, nexthop, ifname, TRUE))
      {
        g_array_remove_index (ipdev->statics, i--);
        removed++;
      }
  if (removed == 0)
    {
      g_set_error_literal (error, CORD_ERROR, CORD_ERROR_INVALID,
                           _("%No matching route to delete"));
      return FALSE;
    }
  _cord_ip_routes_changed (ipdev);
  return TRUE;
}

/* ---- Tables ------------------------------------------------------------------ */

static void
route_to_info (const CordIpRoute *r,
               CordRouteInfo     *info)
{
  info->type = r->type;
  info->prefix = r->prefix;
  info->mask = r->mask;
  info->nexthop = r->nexthop;
  info->distance = r->distance;
  info->metric = 0;
  if (r->type == CORD_ROUTE_STATIC)
    info->ifname = g_strdup (r->ifname);
  else
    info->ifname = g_strdup (r->out_if->name);
}

void
cord_route_info_clear (CordRouteInfo *route)
{
  g_return_if_fail (route != NULL);
  g_clear_pointer (&route->ifname, g_free);
}

static void
route_info_clear_func (gpointer data)
{
  cord_route_info_clear (data);
}

static gint
route_cmp_show (gconstpointer a,
                gconstpointer b)
{
  const CordRouteInfo *x = a, *y = b;

  if (x->prefix != y->prefix)
    return x->prefix < y->prefix ? -1 : 1;
  if (x->mask != y->mask)
    return x->mask < y->mask ? -1 : 1;
  return (gint) x->type - (gint) y->type;
}

GArray *
cord_ip_get_routes (CordSim    *sim,
                    CordDevice *device)
{
  CordIpDev *ipdev;
  GArray *fib, *out;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);

  ipdev = _cord_ip_dev_lookup (sim, device, FALSE, NULL);
  if (ipdev == NULL)
    return NULL;
  fib = _cord_ip_fib (ipdev);
  out = g_array_sized_new (FALSE, TRUE, sizeof (CordRouteInfo), fib->len);
  g_array_set_clear_func (out, route_info_clear_func);
  for (guint i = 0; i < fib->len; i++)
    {
      CordRouteInfo info;

      route_to_info (&g_array_index (fib, CordIpRoute, i), &info);
      g_array_append_val (out, info);
    }
  g_array_sort (out, route_cmp_show);
  return out;
}

gboolean
cord_ip_lookup_route (CordSim       *sim,
                      CordDevice    *device,
                      guint32        dst,
                      CordRouteInfo *route)
{
  CordIpDev *ipdev;
  const CordIpRoute *r;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (route != NULL, FALSE);

  memset (route, 0, sizeof *route);
  ipdev = _cord_ip_dev_lookup (sim, device, FALSE, NULL);
  if (ipdev == NULL || (r = _cord_ip_route_lookup (ipdev, dst)) == NULL)
    return FALSE;
  route_to_info (r, route);
  return TRUE;
}

/* ---- Interface queries ---------------------------------------------------------- */

static void
if_to_info (const CordIpIf *ifp,
            CordIpIfInfo   *info)
{
  info->name = g_strdup (ifp->name);
  info->address = ifp->address;
  info->mask = ifp->mask;
  info->admin_up = ifp->port->admin_up && (!ifp->is_subif || !ifp->shutdown);
  info->line_up = ifp->up;
  info->is_subif = ifp->is_subif;
  info->vid = ifp->vid;
  info->native = ifp->native;
  info->mac = ifp->serial ? 0 : _cord_ip_if_mac (ifp);
  info->bia = ifp->port->port->mac;
  info->serial = ifp->serial;
}

void
cord_ip_if_info_clear (CordIpIfInfo *info)
{
  g_return_if_fail (info != NULL);
  g_clear_pointer (&info->name, g_free);
}

static void
if_info_clear_func (gpointer data)
{
  cord_ip_if_info_clear (data);
}

static gint
if_cmp_port (gconstpointer a,
             gconstpointer b)
{
  const CordIpIf *x = *(CordIpIf * const *) a, *y = *(CordIpIf * const *) b;

  return (gint) x->port->port->index - (gint) y->port->port->index;
}

GArray *
cord_ip_list_interfaces (CordSim    *sim,
                         CordDevice *device)
{
  CordIpDev *ipdev;
  GArray *out;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);

  ipdev = _cord_ip_dev_lookup (sim, device, FALSE, NULL);
  if (ipdev == NULL)
    return NULL;
  /* Modules come and go; keep the ports in the device's order. */
  g_ptr_array_sort (ipdev->ifs, if_cmp_port);
  out = g_array_new (FALSE, TRUE, sizeof (CordIpIfInfo));
  g_array_set_clear_func (out, if_info_clear_func);
  CORD_IP_FOREACH_IF (ipdev, ifp, {
    CordIpIfInfo info;

    if_to_info (ifp, &info);
    g_array_append_val (out, info);
  })
  return out;
}

gboolean
cord_ip_get_interface (CordSim      *sim,
                       CordDevice   *device,
                       const char   *ifname,
                       CordIpIfInfo *info)
{
  CordIpDev *ipdev;
  CordIpIf *ifp;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (ifname != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  memset (info, 0, sizeof *info);
  ipdev = _cord_ip_dev_lookup (sim, device, FALSE, NULL);
  if (ipdev == NULL || (ifp = _cord_ip_if_find (ipdev, ifname)) == NULL)
    return FALSE;
  if_to_info (ifp, info);
  return TRUE;
}

void
cord_ip_set_interface_hook (CordSim      *sim,
                            CordDevice   *device,
                            CordIpIfHook  hook,
                            gpointer      user_data)
{
  CordIpDev *ipdev;

  g_return_if_fail (sim != NULL);
  g_return_if_fail (device != NULL);

  ipdev = _cord_ip_dev_lookup (sim, device, FALSE, NULL);
  if (ipdev == NULL)
    return;
  ipdev->if_hook = hook;
  ipdev->if_hook_data = user_data;
}


GArray *
cord_ip_list_static_routes (CordSim    *sim,
                            CordDevice *device)
{
  CordIpDev *ipdev;
  GArray *out;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);

  ipdev = _cord_ip_dev_lookup (sim, device, FALSE, NULL);
  if (ipdev == NULL)
    return NULL;
  out = g_array_sized_new (FALSE, TRUE, sizeof (CordRouteInfo), ipdev->statics->len);
  g_array_set_clear_func (out, route_info_clear_func);
  for (guint i = 0; i < ipdev->statics->len; i++)
    {
      const CordIpStatic *s = &g_array_index (ipdev->statics, CordIpStatic, i);
      CordRouteInfo info = { CORD_ROUTE_STATIC, s->prefix, s->mask, s->nexthop,
                             g_strdup (s->ifname), s->distance, 0 };

      g_array_append_val (out, info);
    }
  return out;
}
