/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The IPv4 stack routers and end devices share: interfaces, the routing table, forwarding and ICMP. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "ip-private.h"

#define IP_BROADCAST          0xffffffffu
#define HDLC_HLEN             4u
#define HDLC_UNICAST          0x0fu
#define HDLC_BROADCAST        0x8fu

static inline guint16
get16 (const guint8 *p)
{
  return (guint16) (p[0] << 8 | p[1]);
}

static inline void
put16 (guint8  *p,
       guint16  v)
{
  p[0] = (guint8) (v >> 8);
  p[1] = (guint8) v;
}

gboolean
cord_ip_mask_is_contiguous (guint32 mask)
{
  guint32 inv = ~mask;

  return (inv & (inv + 1)) == 0;
}

guint
cord_ip_mask_length (guint32 mask)
{
  return (guint) __builtin_popcount (mask);
}

guint32
cord_ip_classful_mask (guint32 address)
{
  if (address < 0x80000000u)
    return 0xff000000u;
  if (address < 0xc0000000u)
    return 0xffff0000u;
  return 0xffffff00u;
}

gboolean
_cord_ip_is_multicast (guint32 address)
{
  return (address & 0xf0000000u) == 0xe0000000u;
}

gboolean
_cord_ip_is_host_address (guint32 address)
{
  guint8 first = (guint8) (address >> 24);

  return first != 0 && first != 127 && first < 224;
}

gboolean
_cord_ip_in_subnet (const CordIpIf *ifp,
                    guint32         address)
{
  return ifp->address != 0 && (address & ifp->mask) == (ifp->address & ifp->mask);
}

guint32
_cord_ip_subnet_broadcast (const CordIpIf *ifp)
{
  return ifp->address != 0 && ifp->mask < 0xfffffffeu ? (ifp->address | ~ifp->mask) : 0;
}

gboolean
cord_ip_check_address (guint32   address,
                       guint32   mask,
                       GError  **error)
{
  char a[CORD_FRAME_IPV4_STRLEN];
  guint32 host;

  cord_frame_ipv4_to_string (address, a);
  if (!_cord_ip_is_host_address (address))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("Not a valid host address - %s"), a);
      return FALSE;
    }
  if (mask == 0 || !cord_ip_mask_is_contiguous (mask))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("Bad mask 0x%X for address %s"), mask, a);
      return FALSE;
    }
  host = address & ~mask;
  /* /31 (RFC 3021) has no network or broadcast address; /32 belongs on
   * loopbacks, which are not modelled. */
  if (mask == 0xffffffffu || (cord_ip_mask_length (mask) <= 30 && (host == 0 || host == ~mask)))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("Bad mask /%u for address %s"), cord_ip_mask_length (mask), a);
      return FALSE;
    }
  return TRUE;
}

/* ---- The device --------------------------------------------------------- */

static void loopback_cb    (CordEngine *engine, gpointer a, gpointer b);

static void
static_clear (gpointer data)
{
  CordIpStatic *s = data;

  g_free (s->ifname);
}

CordEngine *
_cord_ip_engine (CordIpDev *ipdev)
{
  g_assert (ipdev != NULL);
  return _cord_sim_device_engine (ipdev->sdev);
}

guint64
_cord_ip_now (CordIpDev *ipdev)
{
  g_assert (ipdev != NULL);
  return _cord_sim_now (ipdev->sdev);
}

gboolean
_cord_ip_powered (CordIpDev *ipdev)
{
  g_assert (ipdev != NULL);
  return ipdev->sdev->device->powered;
}

CordSim *
_cord_ip_sim (CordIpDev *ipdev)
{
  g_assert (ipdev != NULL);
  return ipdev->sdev->sim;
}

guint8
_cord_ip_default_ttl (CordIpDev *ipdev)
{
  g_assert (ipdev != NULL);
  return ipdev->router ? CORD_IP_ROUTER_TTL : CORD_IP_HOST_TTL;
}

/* The IP state of @sdev, made on first use: the runtime has no "device
 * added" call, so the first port, API call or power event creates it. */
CordIpDev *
_cord_ip_dev_get (CordSimDevice *sdev)
{
  CordIpDev *ipdev;

  g_assert (sdev != NULL);

  if (sdev->impl != NULL)
    return sdev->impl;
  ipdev = g_new0 (CordIpDev, 1);
  ipdev->sdev = sdev;
  ipdev->router = sdev->ops == &_cord_router_ops;
  ipdev->ifs = g_ptr_array_new ();
  ipdev->arp = g_hash_table_new_full (NULL, NULL, NULL, _cord_ip_arp_free);
  cord_timer_init (&ipdev->arp_timer, _cord_ip_arp_timer_cb, ipdev);
  ipdev->statics = g_array_new (FALSE, TRUE, sizeof (CordIpStatic));
  g_array_set_clear_func (ipdev->statics, static_clear);
  ipdev->fib = g_array_new (FALSE, TRUE, sizeof (CordIpRoute));
  g_queue_init (&ipdev->loopback);
  cord_timer_init (&ipdev->loopback_timer, loopback_cb, ipdev);
  ipdev->next_ip_id = 1;
  ipdev->next_ping_id = 1;
  ipdev->next_port = 49152;
  sdev->impl = ipdev;

  for (guint i = 0; i < sdev->ports->len; i++)
    _cord_ip_port_added (ipdev, sdev->ports->pdata[i]);
  if (!ipdev->router)
    _cord_host_apply_settings (ipdev);
  return ipdev;
}

CordIpDev *
_cord_ip_dev_lookup (CordSim     *sim,
                     CordDevice  *device,
                     gboolean     router_only,
                     GError     **error)
{
  CordSimDevice *sdev;

  g_assert (sim != NULL && device != NULL);

  sdev = _cord_sim_device_get (device);
  if (sdev == NULL || sdev->sim != sim)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_UNKNOWN_DEVICE,
                   _("%s is not part of this simulation"), device->name);
      return NULL;
    }
  if ((sdev->ops != &_cord_router_ops && sdev->ops != &_cord_host_ops) ||
      (router_only && sdev->ops != &_cord_router_ops))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   router_only ? _("%s is not a router") : _("%s has no IPv4 stack"),
                   device->name);
      return NULL;
    }
  return _cord_ip_dev_get (sdev);
}

void
_cord_ip_dev_free (CordSimDevice *sdev)
{
  CordIpDev *ipdev;
  CordEngine *engine;

  g_assert (sdev != NULL);

  ipdev = sdev->impl;
  if (ipdev == NULL)
    return;
  engine = _cord_ip_engine (ipdev);
  _cord_ip_stop_all (ipdev);
  _cord_dhcp_free (ipdev);
  _cord_dhcp_server_free (ipdev);
  cord_timer_clear (engine, &ipdev->arp_timer);
  cord_timer_clear (engine, &ipdev->loopback_timer);
  for (guint i = 0; i < ipdev->ifs->len; i++)
    {
      CordIpIf *ifp = ipdev->ifs->pdata[i];

      ifp->port->ip = NULL;
      _cord_ip_if_free (ifp);
    }
  g_ptr_array_unref (ipdev->ifs);
  g_hash_table_unref (ipdev->arp);
  g_array_unref (ipdev->statics);
  g_array_unref (ipdev->fib);
  g_free (ipdev);
  sdev->impl = NULL;
}

/* Forgets everything dynamic: neighbours, packets to ourselves, pings
 * and traces (which report done). The configuration stays. */
void
_cord_ip_stop_all (CordIpDev *ipdev)
{
  CordEngine *engine;
  CordFrame *frame;

  g_assert (ipdev != NULL);

  engine = _cord_ip_engine (ipdev);
  _cord_ip_arp_clear (ipdev);
  _cord_dhcp_stop (ipdev);
  cord_timer_stop (engine, &ipdev->loopback_timer);
  while ((frame = g_queue_pop_head (&ipdev->loopback)) != NULL)
    cord_frame_unref (frame);
  while (ipdev->sessions != NULL)
    {
      CordIpSession *session = ipdev->sessions->data;

      session->cancel (session);
      /* cancel() removes the session from the list. */
      g_assert (ipdev->sessions == NULL || ipdev->sessions->data != session);
    }
}

/* ---- Interfaces --------------------------------------------------------- */

static gboolean
port_is_routed (const CordIpDev *ipdev,
                const CordPort  *port)
{
  g_assert (ipdev != NULL && port != NULL);

  switch (port->medium)
    {
    case CORD_MEDIUM_COPPER:
    case CORD_MEDIUM_FIBER:
      return port->mac != 0 && !port->switchport;
    case CORD_MEDIUM_SERIAL:
      return ipdev->router;
    case CORD_MEDIUM_WIRELESS:
      /* A host's wireless NIC is its interface; no wireless medium carries
       * frames yet, so it simply stays down. */
      return !ipdev->router && port->mac != 0;
    case CORD_MEDIUM_CONSOLE:
    case CORD_MEDIUM_ASYNC:
    default:
      return FALSE;
    }
}

CordIpIf *
_cord_ip_if_new (CordIpDev   *ipdev,
                 CordSimPort *port,
                 guint32      number)
{
  CordIpIf *ifp = g_new0 (CordIpIf, 1);

  g_assert (ipdev != NULL && port != NULL);

  ifp->ipdev = ipdev;
  ifp->port = port;
  ifp->number = number;
  ifp->is_subif = number != 0;
  ifp->serial = port->port->medium == CORD_MEDIUM_SERIAL;
  ifp->name = number != 0 ? g_strdup_printf ("%s.%u", port->port->name, number)
                          : g_strdup (port->port->name);
  if (number == 0 && !ifp->serial)
    ifp->subifs = g_ptr_array_new ();
  return ifp;
}

guint64
_cord_ip_if_mac (const CordIpIf *ifp)
{
  const CordIpIf *main_if;

  g_assert (ifp != NULL);

  main_if = ifp->port->ip != NULL ? ifp->port->ip : ifp;
  return main_if->mac != 0 ? main_if->mac : ifp->port->port->mac;
}

CordMac
_cord_ip_if_mac_bytes (const CordIpIf *ifp)
{
  CordMac mac;

  cord_mac_to_bytes (_cord_ip_if_mac (ifp), mac.b);
  return mac;
}

void
_cord_ip_if_free (CordIpIf *ifp)
{
  g_assert (ifp != NULL);

  if (ifp->subifs != NULL)
    {
      for (guint i = 0; i < ifp->subifs->len; i++)
        _cord_ip_if_free (ifp->subifs->pdata[i]);
      g_ptr_array_unref (ifp->subifs);
    }
  g_free (ifp->name);
  g_free (ifp);
}

void
_cord_ip_port_added (CordIpDev   *ipdev,
                     CordSimPort *port)
{
  CordIpIf *ifp;

  g_assert (ipdev != NULL && port != NULL);

  if (port->ip != NULL || !port_is_routed (ipdev, port->port))
    return;
  /* An end device has one NIC. */
  if (!ipdev->router && ipdev->ifs->len > 0)
    return;
  ifp = _cord_ip_if_new (ipdev, port, 0);
  port->ip = ifp;
  g_ptr_array_add (ipdev->ifs, ifp);
  ifp->up = _cord_ip_if_is_up (ifp);
}

void
_cord_ip_port_removed (CordIpDev   *ipdev,
                       CordSimPort *port)
{
  CordIpIf *ifp;

  g_assert (ipdev != NULL && port != NULL);

  ifp = port->ip;
  if (ifp == NULL)
    return;
  for (guint i = 0; ifp->subifs != NULL && i < ifp->subifs->len; i++)
    _cord_ip_arp_flush_if (ipdev, ifp->subifs->pdata[i]);
  _cord_ip_arp_flush_if (ipdev, ifp);
  g_ptr_array_remove (ipdev->ifs, ifp);
  port->ip = NULL;
  _cord_ip_if_free (ifp);
  _cord_ip_routes_changed (ipdev);
}

CordIpIf *
_cord_ip_if_find (CordIpDev  *ipdev,
                  const char *name)
{
  g_assert (ipdev != NULL && name != NULL);

  for (guint i = 0; i < ipdev->ifs->len; i++)
    {
      CordIpIf *ifp = ipdev->ifs->pdata[i];

      if (g_ascii_strcasecmp (ifp->name, name) == 0)
        return ifp;
      for (guint j = 0; ifp->subifs != NULL && j < ifp->subifs->len; j++)
        {
          CordIpIf *sub = ifp->subifs->pdata[j];

          if (g_ascii_strcasecmp (sub->name, name) == 0)
            return sub;
        }
    }
  return NULL;
}

/* A port's line protocol already folds in power, `shutdown` and the
 * cable; a subinterface adds its own `shutdown`. */
gboolean
_cord_ip_if_is_up (const CordIpIf *ifp)
{
  g_assert (ifp != NULL);

  if (!ifp->port->line_up)
    return FALSE;
  return !ifp->is_subif || !ifp->shutdown;
}

/* The tag frames carry out of @ifp: none on a port or a native subif. */
guint16
_cord_ip_if_vid (const CordIpIf *ifp)
{
  g_assert (ifp != NULL);
  return ifp->is_subif && !ifp->native ? ifp->vid : CORD_FRAME_VID_NONE;
}

gboolean
_cord_ip_is_local (CordIpDev *ipdev,
                   guint32    address)
{
  g_assert (ipdev != NULL);

  if (address == 0)
    return FALSE;
  CORD_IP_FOREACH_IF (ipdev, ifp, {
    if (ifp->address == address && ifp->up)
      return TRUE;
  })
  return FALSE;
}

void
_cord_ip_refresh (CordIpDev *ipdev)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();

  g_assert (ipdev != NULL);

  CORD_IP_FOREACH_IF (ipdev, ifp, {
    gboolean up = _cord_ip_if_is_up (ifp);

    if (up != ifp->up)
      {
        ifp->up = up;
        if (!up)
          _cord_ip_arp_flush_if (ipdev, ifp);
        if (ifp->is_subif)
          g_ptr_array_add (changed, ifp);
      }
  })
  _cord_ip_routes_changed (ipdev);
  if (ipdev->if_hook != NULL)
    for (guint i = 0; i < changed->len; i++)
      {
        CordIpIf *ifp = changed->pdata[i];

        ipdev->if_hook (_cord_ip_sim (ipdev), ipdev->sdev->device, ifp->name, ifp->up,
                        ipdev->if_hook_data);
      }
}

/* ---- Routes ----------------------------------------------------------------- */

/* The longest match for @dst, skipping local routes and, while the table
 * is being built, routes for @skip_prefix/@skip_mask (a static route may
 * not resolve through itself). */
static const CordIpRoute *
best_match (GArray   *fib,
            guint32   dst,
            gboolean  skip,
            guint32   skip_prefix,
            guint32   skip_mask)
{
  const CordIpRoute *best = NULL;

  for (guint i = 0; i < fib->len; i++)
    {
      const CordIpRoute *r = &g_array_index (fib, CordIpRoute, i);

      if (r->type == CORD_ROUTE_LOCAL || (dst & r->mask) != r->prefix)
        continue;
      if (skip && r->prefix == skip_prefix && r->mask == skip_mask)
        continue;
      if (best == NULL || r->mask > best->mask)
        best = r;
    }
  return best;
}

/* The table is sorted longest mask first, so the first match wins. */
const CordIpRoute *
_cord_ip_route_lookup (CordIpDev *ipdev,
                       guint32    dst)
{
  GArray *fib = _cord_ip_fib (ipdev);

  for (guint i = 0; i < fib->len; i++)
    {
      const CordIpRoute *r = &g_array_index (fib, CordIpRoute, i);

      if (r->type != CORD_ROUTE_LOCAL && (dst & r->mask) == r->prefix)
        return r;
    }
  return NULL;
}

static gint
route_cmp_lookup (gconstpointer a,
                  gconstpointer b)
{
  const CordIpRoute *x = a, *y = b;

  if (x->mask != y->mask)
    return x->mask > y->mask ? -1 : 1;
  if (x->prefix != y->prefix)
    return x->prefix < y->prefix ? -1 : 1;
  return (gint) x->distance - (gint) y->distance;
}

/* Installs @s if its way out resolves and no better route for the same
 * prefix is in; a worse one (a floating static) makes way. */
static gboolean
try_install (CordIpDev          *ipdev,
             const CordIpStatic *s)
{
  CordIpRoute route = { CORD_ROUTE_STATIC, s->prefix, s->mask, s->nexthop, s->ifname,
                        s->distance, NULL, 0 };

  if (s->ifname != NULL)
    {
      CordIpIf *ifp = _cord_ip_if_find (ipdev, s->ifname);

      if (ifp == NULL || !ifp->up)
        return FALSE;
      route.out_if = ifp;
      route.out_gw = s->nexthop;
    }
  else
    {
      const CordIpRoute *via = best_match (ipdev->fib, s->nexthop, TRUE, s->prefix, s->mask);

      if (via == NULL)
        return FALSE;
      route.out_if = via->out_if;
      route.out_gw = via->out_gw != 0 ? via->out_gw : s->nexthop;
    }

  for (guint i = 0; i < ipdev->fib->len; i++)
    {
      const CordIpRoute *r = &g_array_index (ipdev->fib, CordIpRoute, i);

      if (r->type == CORD_ROUTE_LOCAL || r->prefix != s->prefix || r->mask != s->mask)
        continue;
      if (r->distance < s->distance)
        return FALSE;
      if (r->distance > s->distance)
        g_array_remove_index (ipdev->fib, i--);
    }
  g_array_append_val (ipdev->fib, route);
  return TRUE;
}

static gint
static_cmp_distance (gconstpointer a,
                     gconstpointer b)
{
  const CordIpStatic *x = *(const CordIpStatic * const *) a;
  const CordIpStatic *y = *(const CordIpStatic * const *) b;

  /* By distance, then in configured order (their order in the array). */
  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  return x < y ? -1 : x > y;
}

static void
rebuild_routes (CordIpDev *ipdev)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_sized_new (ipdev->statics->len + 1);
  g_autofree gboolean *installed = NULL;
  CordIpStatic gateway = { 0, 0, ipdev->gateway, NULL, 1 };
  gboolean changed;

  g_array_set_size (ipdev->fib, 0);
  CORD_IP_FOREACH_IF (ipdev, ifp, {
    if (ifp->up && ifp->address != 0)
      {
        CordIpRoute connected = { CORD_ROUTE_CONNECTED, ifp->address & ifp->mask, ifp->mask,
                                  0, NULL, 0, ifp, 0 };
        CordIpRoute local = { CORD_ROUTE_LOCAL, ifp->address, 0xffffffffu, 0, NULL, 0, ifp, 0 };

        g_array_append_val (ipdev->fib, connected);
        g_array_append_val (ipdev->fib, local);
      }
  })

  /* Lower distances first, so a floating static waits for its primary;
   * an end device's default gateway is a static default route. */
  for (guint i = 0; i < ipdev->statics->len; i++)
    g_ptr_array_add (candidates, &g_array_index (ipdev->statics, CordIpStatic, i));
  g_ptr_array_sort (candidates, static_cmp_distance);
  if (!ipdev->router && ipdev->gateway != 0)
    g_ptr_array_add (candidates, &gateway);
  installed = g_new0 (gboolean, candidates->len + 1);
  /* Each pass installs what resolves through what is in; recursive
   * routes need as many passes as their chain is long. */
  do
    {
      changed = FALSE;
      for (guint i = 0; i < candidates->len; i++)
        if (!installed[i] && try_install (ipdev, candidates->pdata[i]))
          installed[i] = changed = TRUE;
    }
  while (changed);
  g_array_sort (ipdev->fib, route_cmp_lookup);
  ipdev->fib_dirty = FALSE;
}

/* The table is rebuilt when next used, so replaying a configuration of
 * many routes costs one build, not one per line. */
void
_cord_ip_routes_changed (CordIpDev *ipdev)
{
  g_assert (ipdev != NULL);
  ipdev->fib_dirty = TRUE;
}

GArray *
_cord_ip_fib (CordIpDev *ipdev)
{
  g_assert (ipdev != NULL);

  if (ipdev->fib_dirty)
    rebuild_routes (ipdev);
  return ipdev->fib;
}

/* ---- Sending -------------------------------------------------------------------- */

gboolean
_cord_ip_prepare (CordIpDev           *ipdev,
                  guint32              dst,
                  guint32              src,
                  guint8               ttl,
                  CordFrameIpv4Params *params,
                  CordIpPath          *path)
{
  const CordIpRoute *r = NULL;
  CordIpIf *out = NULL;
  gboolean broadcast;

  g_assert (ipdev != NULL && params != NULL && path != NULL);

  memset (params, 0, sizeof *params);
  memset (path, 0, sizeof *path);
  params->dst = dst;
  params->ttl = ttl;
  params->id = ipdev->next_ip_id++;
  if (_cord_ip_is_local (ipdev, dst))
    {
      params->src = src != 0 ? src : dst;
      path->resolved = TRUE;
      return TRUE;
    }
  /* The limited broadcast leaves by the first addressed interface (an end
   * device's NIC), whatever the routes say. */
  if (dst == IP_BROADCAST)
    CORD_IP_FOREACH_IF (ipdev, ifp, {
      if (out == NULL && ifp->up && ifp->address != 0)
        out = ifp;
    })
  else if ((r = _cord_ip_route_lookup (ipdev, dst)) != NULL)
    out = r->out_if;
  if (out == NULL)
    return FALSE;
  params->src = src != 0 ? src : out->address;
  if (params->src == 0)
    return FALSE;
  path->out_if = out;
  path->arp_for = r != NULL && r->out_gw != 0 ? r->out_gw : dst;
  if (out->serial)
    {
      path->resolved = TRUE;
      return TRUE;
    }
  params->src_mac = _cord_ip_if_mac_bytes (out);
  params->vid = _cord_ip_if_vid (out);
  broadcast = dst == IP_BROADCAST ||
              (r->type == CORD_ROUTE_CONNECTED && dst == _cord_ip_subnet_broadcast (out));
  if (broadcast)
    {
      params->dst_mac = cord_frame_mac_broadcast;
      path->resolved = TRUE;
    }
  else
    {
      CordIpArp *e = _cord_ip_arp_lookup (ipdev, path->arp_for);

      if (e != NULL && e->complete && e->ifp == out)
        {
          params->dst_mac = e->mac;
          path->resolved = TRUE;
        }
    }
  return TRUE;
}

/* Rewraps an untagged Ethernet frame of ours in Cisco HDLC. */
static CordFrame *
to_hdlc (const CordFrame *frame)
{
  const guint8 *ip = frame->data + CORD_FRAME_ETH_HLEN;
  gsize total = get16 (ip + 2);
  CordFrame *out = cord_frame_new (HDLC_HLEN + total);

  out->data[0] = HDLC_UNICAST;
  out->data[1] = 0;
  put16 (out->data + 2, CORD_FRAME_ETHERTYPE_IPV4);
  memcpy (out->data + HDLC_HLEN, ip, total);
  return out;
}

void
_cord_ip_transmit (CordIpDev        *ipdev,
                   const CordIpPath *path,
                   CordFrame        *frame)
{
  CordIpIf *out;
  CordIpArp *e, *incomplete = NULL;

  g_assert (ipdev != NULL && path != NULL);

  if (frame == NULL)
    return;
  out = path->out_if;
  if (out == NULL)
    {
      g_queue_push_tail (&ipdev->loopback, frame);
      if (!cord_timer_is_running (&ipdev->loopback_timer))
        cord_timer_start (_cord_ip_engine (ipdev), &ipdev->loopback_timer, 0);
      return;
    }
  if (out->serial)
    {
      g_autoptr(CordFrame) hdlc = to_hdlc (frame);

      _cord_sim_port_send (out->port, hdlc);
      cord_frame_unref (frame);
      return;
    }
  if (!path->resolved)
    {
      e = _cord_ip_arp_resolve (ipdev, out, path->arp_for, &incomplete);
      if (e == NULL)
        {
          /* A router drops what needed resolving; a host keeps a few. */
          if (!ipdev->router && incomplete != NULL &&
              g_queue_get_length (&incomplete->pending) < CORD_IP_ARP_HOST_QUEUE)
            g_queue_push_tail (&incomplete->pending, frame);
          else
            cord_frame_unref (frame);
          return;
        }
      memcpy (frame->data, e->mac.b, 6);
    }
  _cord_sim_port_send (out->port, frame);
  cord_frame_unref (frame);
}

/* ---- Receiving ------------------------------------------------------------------ */

static void local_deliver (CordIpDev *ipdev, CordIpIf *ifp, const guint8 *pkt,
                           const CordFrameInfo *info, gboolean broadcast);

static void
loopback_cb (CordEngine *engine,
             gpointer    a,
             gpointer    b)
{
  CordIpDev *ipdev = a;
  guint n = g_queue_get_length (&ipdev->loopback);

  /* Only what was queued before this run: answers to ourselves wait for
   * the next one. A session's callback may empty the queue (power off). */
  while (n-- > 0 && !g_queue_is_empty (&ipdev->loopback))
    {
      g_autoptr(CordFrame) frame = g_queue_pop_head (&ipdev->loopback);
      CordFrameInfo info;

      cord_frame_parse (frame->data, frame->len, &info);
      if (info.has_ipv4 && info.ipv4.checksum_ok)
        local_deliver (ipdev, NULL, frame->data, &info, FALSE);
    }
  if (!g_queue_is_empty (&ipdev->loopback))
    cord_timer_start (engine, &ipdev->loopback_timer, 0);
}

void
_cord_ip_dispatch_icmp (CordIpDev             *ipdev,
                        const CordIpIcmpEvent *ev)
{
  for (GList *l = ipdev->sessions; l != NULL; l = l->next)
    {
      CordIpSession *session = l->data;

      /* A session that takes the event may end and leave the list. */
      if (session->icmp (session, ev))
        return;
    }
}

static gboolean
icmp_is_error (guint8 type)
{
  return type == CORD_FRAME_ICMP_DEST_UNREACHABLE || type == CORD_FRAME_ICMP_TIME_EXCEEDED ||
         type == 4 || type == 5 || type == 12;
}

/* Tells the source of the datagram at @pkt why it went no further; never
 * about an ICMP error, a broadcast or a fragment after the first. */
static void
send_icmp_error (CordIpDev           *ipdev,
                 guint32              src,
                 guint8               type,
                 guint8               code,
                 const guint8        *pkt,
                 const CordFrameInfo *info,
                 gboolean             l2_broadcast)
{
  CordFrameIpv4Params params;
  CordIpPath path;
  const guint8 *orig = pkt + info->l3_offset;
  CordFrame *frame;

  if (l2_broadcast || info->ipv4.dst == IP_BROADCAST || _cord_ip_is_multicast (info->ipv4.dst) ||
      !_cord_ip_is_host_address (info->ipv4.src) || info->ipv4.frag_offset != 0)
    return;
  if (info->ipv4.protocol == CORD_FRAME_IPPROTO_ICMP &&
      (!info->has_icmp || icmp_is_error (info->icmp.type)))
    return;
  if (!_cord_ip_prepare (ipdev, info->ipv4.src, src, _cord_ip_default_ttl (ipdev), &params, &path))
    return;
  if (type == CORD_FRAME_ICMP_TIME_EXCEEDED)
    frame = cord_frame_build_icmp_time_exceeded (&params, code, orig, info->ipv4.total_len);
  else
    frame = cord_frame_build_icmp_dest_unreachable (&params, code, orig, info->ipv4.total_len);
  _cord_ip_transmit (ipdev, &path, frame);
}

static void
echo_reply (CordIpDev           *ipdev,
            guint32              src,
            const guint8        *pkt,
            const CordFrameInfo *info)
{
  CordFrameIpv4Params params;
  CordIpPath path;
  CordFrame *frame;

  if (!_cord_ip_prepare (ipdev, info->ipv4.src, src, _cord_ip_default_ttl (ipdev), &params, &path))
    return;
  frame = cord_frame_build_icmp_echo_reply (&params, info->icmp.id, info->icmp.seq,
                                            pkt + info->payload_offset, info->payload_len);
  _cord_ip_transmit (ipdev, &path, frame);
}

static void
icmp_input (CordIpDev           *ipdev,
            CordIpIf            *ifp,
            const guint8        *pkt,
            const CordFrameInfo *info,
            gboolean             broadcast)
{
  CordIpIcmpEvent ev = { 0 };

  if (!info->has_icmp || !info->icmp.checksum_ok)
    return;
  ev.type = info->icmp.type;
  ev.code = info->icmp.code;
  ev.from = info->ipv4.src;
  ev.ttl = info->ipv4.ttl;
  switch (info->icmp.type)
    {
    case CORD_FRAME_ICMP_ECHO_REQUEST:
      /* IOS answers a broadcast ping, Windows does not. */
      if (broadcast && !ipdev->router)
        return;
      echo_reply (ipdev, broadcast ? (ifp != NULL ? ifp->address : 0) : info->ipv4.dst, pkt, info);
      return;
    case CORD_FRAME_ICMP_ECHO_REPLY:
      ev.id = info->icmp.id;
      ev.seq = info->icmp.seq;
      ev.data_len = info->payload_len;
      break;
    case CORD_FRAME_ICMP_DEST_UNREACHABLE:
    case CORD_FRAME_ICMP_TIME_EXCEEDED:
      if (!info->icmp.quote.valid)
        return;
      ev.q_proto = info->icmp.quote.protocol;
      ev.q_dst = info->icmp.quote.dst;
      ev.q_id = info->icmp.quote.icmp_id;
      ev.q_seq = info->icmp.quote.icmp_seq;
      ev.q_sport = info->icmp.quote.src_port;
      ev.q_dport = info->icmp.quote.dst_port;
      break;
    default:
      return;
    }
  _cord_ip_dispatch_icmp (ipdev, &ev);
}

static void
local_deliver (CordIpDev           *ipdev,
               CordIpIf            *ifp,
               const guint8        *pkt,
               const CordFrameInfo *info,
               gboolean             broadcast)
{
  guint32 me = broadcast ? (ifp != NULL ? ifp->address : 0) : info->ipv4.dst;

  /* Nothing here fragments, so nothing reassembles. */
  if (info->ipv4.more_fragments || info->ipv4.frag_offset != 0)
    return;
  switch (info->ipv4.protocol)
    {
    case CORD_FRAME_IPPROTO_ICMP:
      icmp_input (ipdev, ifp, pkt, info, broadcast);
      break;
    case CORD_FRAME_IPPROTO_UDP:
      /* The DHCP server is the only UDP service; every other port is
       * closed, which is what IOS traceroute's probes need to hear. */
      if (_cord_dhcp_server_input (ipdev, ifp, pkt, info))
        break;
      if (info->has_udp && info->udp.checksum_ok)
        send_icmp_error (ipdev, me, CORD_FRAME_ICMP_DEST_UNREACHABLE, CORD_FRAME_UNREACH_PORT,
                         pkt, info, broadcast);
      break;
    default:
      send_icmp_error (ipdev, me, CORD_FRAME_ICMP_DEST_UNREACHABLE, CORD_FRAME_UNREACH_PROTOCOL,
                       pkt, info, broadcast);
      break;
    }
}

/* Routes one datagram on: a new frame for the way out, TTL one less and
 * the header checksum redone; nothing else is allocated. */
static void
forward (CordIpDev           *ipdev,
         CordIpIf            *in,
         const guint8        *pkt,
         const CordFrameInfo *info)
{
  const CordIpRoute *r;
  CordIpIf *out;
  guint32 dst = info->ipv4.dst;
  gsize total = info->ipv4.total_len, hlen = (gsize) info->ipv4.ihl * 4;
  CordFrame *frame;
  guint8 *ip;

  if (info->ipv4.ttl <= 1)
    {
      send_icmp_error (ipdev, in->address, CORD_FRAME_ICMP_TIME_EXCEEDED,
                       CORD_FRAME_TIME_EXCEEDED_TTL, pkt, info, FALSE);
      return;
    }
  r = _cord_ip_route_lookup (ipdev, dst);
  if (r == NULL)
    {
      send_icmp_error (ipdev, in->address, CORD_FRAME_ICMP_DEST_UNREACHABLE,
                       CORD_FRAME_UNREACH_NET, pkt, info, FALSE);
      return;
    }
  out = r->out_if;
  /* `no ip directed-broadcast`, the IOS default. */
  if (r->type == CORD_ROUTE_CONNECTED && dst == _cord_ip_subnet_broadcast (out))
    return;

  if (out->serial)
    {
      frame = cord_frame_new (HDLC_HLEN + total);
      frame->data[0] = HDLC_UNICAST;
      put16 (frame->data + 2, CORD_FRAME_ETHERTYPE_IPV4);
      ip = frame->data + HDLC_HLEN;
    }
  else
    {
      CordIpArp *e = _cord_ip_arp_resolve (ipdev, out, r->out_gw != 0 ? r->out_gw : dst, NULL);
      guint16 vid = _cord_ip_if_vid (out);
      gsize l2len = vid != CORD_FRAME_VID_NONE ? CORD_FRAME_ETH_HLEN + CORD_FRAME_VLAN_HLEN
                                               : CORD_FRAME_ETH_HLEN;
      CordMac mac;
      guint8 *d;

      if (e == NULL)
        return;
      mac = _cord_ip_if_mac_bytes (out);
      frame = cord_frame_new (MAX (l2len + total, CORD_FRAME_MIN_LEN));
      d = frame->data;
      memcpy (d, e->mac.b, 6);
      memcpy (d + 6, mac.b, 6);
      if (vid != CORD_FRAME_VID_NONE)
        {
          put16 (d + 12, CORD_FRAME_ETHERTYPE_VLAN);
          put16 (d + 14, vid);
        }
      put16 (d + l2len - 2, CORD_FRAME_ETHERTYPE_IPV4);
      ip = d + l2len;
    }
  memcpy (ip, pkt + info->l3_offset, total);
  ip[8]--;
  ip[10] = ip[11] = 0;
  put16 (ip + 10, cord_frame_inet_checksum (ip, hlen));
  _cord_sim_port_send (out->port, frame);
  cord_frame_unref (frame);
}

static void
ip_input (CordIpDev           *ipdev,
          CordIpIf            *ifp,
          const guint8        *pkt,
          const CordFrameInfo *info,
          gboolean             l2_broadcast)
{
  guint32 dst = info->ipv4.dst;

  if (dst == IP_BROADCAST || dst == _cord_ip_subnet_broadcast (ifp))
    local_deliver (ipdev, ifp, pkt, info, TRUE);
  else if (_cord_ip_is_local (ipdev, dst))
    local_deliver (ipdev, ifp, pkt, info, l2_broadcast);
  else if (ipdev->router && !l2_broadcast && !_cord_ip_is_multicast (dst))
    forward (ipdev, ifp, pkt, info);
}

/* Which interface of @port an Ethernet frame belongs to: the subinterface
 * of its tag, or for an untagged frame the native subinterface if there is
 * one, else the port itself. */
static CordIpIf *
demux (CordIpIf           *port_if,
       const CordL2Header *l2)
{
  GPtrArray *subifs = port_if->subifs;

  for (guint i = 0; subifs != NULL && i < subifs->len; i++)
    {
      CordIpIf *sub = subifs->pdata[i];

      if (sub->vid == 0)
        continue;
      if (l2->tagged ? sub->vid == l2->vid : sub->native)
        return sub;
    }
  return l2->tagged ? NULL : port_if;
}

static void
receive_hdlc (CordIpDev   *ipdev,
              CordIpIf    *ifp,
              CordFrame   *frame)
{
  guint8 buf[CORD_FRAME_MAX_UNTAGGED_LEN];
  const guint8 *d = frame->data;
  gsize iplen;
  CordFrameInfo info;

  if (frame->len < HDLC_HLEN || (d[0] != HDLC_UNICAST && d[0] != HDLC_BROADCAST) || d[1] != 0 ||
      frame->len - HDLC_HLEN > CORD_FRAME_MTU)
    {
      _cord_sim_port_input_error (ifp->port);
      return;
    }
  /* SLARP keepalives and CDP are not modelled. */
  if (get16 (d + 2) != CORD_FRAME_ETHERTYPE_IPV4)
    return;
  if (ifp->address == 0)
    {
      _cord_sim_port_input_drop (ifp->port);
      return;
    }
  /* The parser reads Ethernet: give the datagram a blank Ethernet header
   * on the stack. */
  iplen = frame->len - HDLC_HLEN;
  memset (buf, 0, 12);
  put16 (buf + 12, CORD_FRAME_ETHERTYPE_IPV4);
  memcpy (buf + CORD_FRAME_ETH_HLEN, d + HDLC_HLEN, iplen);
  cord_frame_parse (buf, CORD_FRAME_ETH_HLEN + iplen, &info);
  if (!info.has_ipv4 || !info.ipv4.checksum_ok)
    {
      _cord_sim_port_input_error (ifp->port);
      return;
    }
  ip_input (ipdev, ifp, buf, &info, d[0] == HDLC_BROADCAST);
}

void
_cord_ip_receive (CordIpDev          *ipdev,
                  CordSimPort        *port,
                  CordFrame          *frame,
                  const CordL2Header *l2)
{
  CordIpIf *ifp = port->ip;
  CordMac mac;
  gboolean broadcast, parsed;
  CordFrameInfo info;

  g_assert (ipdev != NULL && port != NULL && frame != NULL);

  if (ifp == NULL)
    return;
  if (l2 == NULL)
    {
      if (ifp->up)
        receive_hdlc (ipdev, ifp, frame);
      return;
    }
  ifp = demux (ifp, l2);
  if (ifp == NULL || !ifp->up)
    {
      _cord_sim_port_input_drop (port);
      return;
    }
  mac = _cord_ip_if_mac_bytes (ifp);
  broadcast = cord_frame_mac_is_broadcast (&l2->dst);
  if (!broadcast && !cord_frame_mac_equal (&l2->dst, &mac))
    return;
  if (l2->ethertype != CORD_FRAME_ETHERTYPE_IPV4 && l2->ethertype != CORD_FRAME_ETHERTYPE_ARP)
    return;
  /* A DHCP client takes its answers with or without an address. */
  if (ipdev->dhcp != NULL && l2->ethertype == CORD_FRAME_ETHERTYPE_IPV4 && _cord_dhcp_input (ipdev, frame))
    return;
  if (ifp->address == 0)
    {
      _cord_sim_port_input_drop (port);
      return;
    }
  parsed = cord_frame_parse (frame->data, frame->len, &info);
  if (l2->ethertype == CORD_FRAME_ETHERTYPE_ARP)
    {
      /* Well-formed ARP for other protocols is simply not ours. */
      if (info.has_arp)
        _cord_ip_arp_input (ipdev, ifp, &info);
      else if (!parsed)
        _cord_sim_port_input_error (port);
      return;
    }
  if (!info.has_ipv4 || !info.ipv4.checksum_ok)
    {
      _cord_sim_port_input_error (port);
      return;
    }
  ip_input (ipdev, ifp, frame->data, &info, broadcast);
}

/* ---- Sessions ------------------------------------------------------------------- */

void
_cord_ip_session_add (CordIpDev     *ipdev,
                      CordIpSession *session)
{
  g_assert (ipdev != NULL && session != NULL);
  ipdev->sessions = g_list_append (ipdev->sessions, session);
}

void
_cord_ip_session_remove (CordIpDev     *ipdev,
                         CordIpSession *session)
{
  g_assert (ipdev != NULL && session != NULL);
  ipdev->sessions = g_list_remove (ipdev->sessions, session);
}
