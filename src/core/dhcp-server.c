/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The DHCP server of routers: pools chosen by the receiving interface, OFFER, ACK and NAK on the wire, bindings on virtual time. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "dhcp.h"
#include "dhcp-server.h"
#include "ip-private.h"

/* An offer holds its address for a client this long; IOS keeps it for
 * about as long as a client takes to answer. */
#define OFFER_HOLD_NS  (30u * CORD_ENGINE_NS_PER_SEC)

/* A binding, or an address only offered so far. */
typedef struct {
  guint32  address;
  guint64  mac;
  guint64  start;       /* ACK or OFFER time */
  guint32  lease_s;
  gboolean bound;
} Lease;

/* The configuration is the runtime's, as static routes are: IOS reads and
 * writes it through the cord_dhcp_server_* calls, and a boot clears it
 * before the startup-config is replayed. */
struct _CordDhcpServer {
  GArray   *pools;      /* CordDhcpPool, in the order made */
  GArray   *excluded;   /* CordDhcpRange, by low address */
  GArray   *leases;     /* Lease */
  gboolean  disabled;   /* no service dhcp */
};

/* ---- Helpers ------------------------------------------------------------------ */

static void
put32 (guint8  *p,
       guint32  v)
{
  p[0] = (guint8) (v >> 24);
  p[1] = (guint8) (v >> 16);
  p[2] = (guint8) (v >> 8);
  p[3] = (guint8) v;
}

static guint32
get32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static guint64
mac_of (const guint8 *b)
{
  guint64 mac = 0;

  for (guint i = 0; i < 6; i++)
    mac = mac << 8 | b[i];
  return mac;
}

void
cord_dhcp_pool_clear (CordDhcpPool *pool)
{
  g_return_if_fail (pool != NULL);
  g_clear_pointer (&pool->name, g_free);
  g_clear_pointer (&pool->domain, g_free);
}

static void
pool_clear_func (gpointer data)
{
  cord_dhcp_pool_clear (data);
}

static void
pool_copy (CordDhcpPool       *to,
           const CordDhcpPool *from)
{
  *to = *from;
  to->name = g_strdup (from->name);
  to->domain = g_strdup (from->domain);
}

static CordDhcpServer *
server_get (CordIpDev *ipdev)
{
  CordDhcpServer *server = ipdev->dhcpd;

  if (server != NULL)
    return server;
  server = g_new0 (CordDhcpServer, 1);
  server->pools = g_array_new (FALSE, TRUE, sizeof (CordDhcpPool));
  g_array_set_clear_func (server->pools, pool_clear_func);
  server->excluded = g_array_new (FALSE, FALSE, sizeof (CordDhcpRange));
  server->leases = g_array_new (FALSE, FALSE, sizeof (Lease));
  ipdev->dhcpd = server;
  return server;
}

void
_cord_dhcp_server_free (CordIpDev *ipdev)
{
  CordDhcpServer *server;

  g_assert (ipdev != NULL);

  server = g_steal_pointer (&ipdev->dhcpd);
  if (server == NULL)
    return;
  g_array_unref (server->pools);
  g_array_unref (server->excluded);
  g_array_unref (server->leases);
  g_free (server);
}

void
_cord_dhcp_server_reset (CordIpDev *ipdev)
{
  _cord_dhcp_server_free (ipdev);
}

static CordDhcpPool *
find_pool (CordDhcpServer *server,
           const char     *name,
           guint          *index)
{
  for (guint i = 0; i < server->pools->len; i++)
    {
      CordDhcpPool *pool = &g_array_index (server->pools, CordDhcpPool, i);

      if (strcmp (pool->name, name) == 0)
        {
          if (index != NULL)
            *index = i;
          return pool;
        }
    }
  return NULL;
}

/* The pool an interface hands out from: the one whose network holds its
 * address, as IOS picks it. */
static const CordDhcpPool *
pool_for (CordDhcpServer *server,
          guint32         address)
{
  for (guint i = 0; i < server->pools->len; i++)
    {
      const CordDhcpPool *pool = &g_array_index (server->pools, CordDhcpPool, i);

      if (pool->mask != 0 && (address & pool->mask) == pool->network)
        return pool;
    }
  return NULL;
}

static const CordDhcpRange *
excluded_range (CordDhcpServer *server,
                guint32         address)
{
  for (guint i = 0; i < server->excluded->len; i++)
    {
      const CordDhcpRange *r = &g_array_index (server->excluded, CordDhcpRange, i);

      if (address >= r->low && address <= r->high)
        return r;
    }
  return NULL;
}

static gboolean
is_router_address (CordIpDev *ipdev,
                   guint32    address)
{
  CORD_IP_FOREACH_IF (ipdev, ifp, {
    if (ifp->address == address)
      return TRUE;
  })
  return FALSE;
}

/* Offers not taken in time free their address. */
static void
expire_offers (CordIpDev      *ipdev,
               CordDhcpServer *server)
{
  guint64 now = _cord_ip_now (ipdev);

  for (guint i = server->leases->len; i-- > 0;)
    {
      const Lease *l = &g_array_index (server->leases, Lease, i);

      if (!l->bound && now - l->start >= OFFER_HOLD_NS)
        g_array_remove_index (server->leases, i);
    }
}

static Lease *
lease_by_mac (CordDhcpServer *server,
              guint64         mac)
{
  for (guint i = 0; i < server->leases->len; i++)
    {
      Lease *l = &g_array_index (server->leases, Lease, i);

      if (l->mac == mac)
        return l;
    }
  return NULL;
}

static Lease *
lease_by_address (CordDhcpServer *server,
                  guint32         address)
{
  for (guint i = 0; i < server->leases->len; i++)
    {
      Lease *l = &g_array_index (server->leases, Lease, i);

      if (l->address == address)
        return l;
    }
  return NULL;
}

static void
drop_lease (CordDhcpServer *server,
            Lease          *lease)
{
  g_array_remove_index (server->leases, (guint) (lease - (Lease *) (void *) server->leases->data));
}

/* Whether @address of @pool may go to the client with @mac. */
static gboolean
available (CordIpDev          *ipdev,
           CordDhcpServer     *server,
           const CordDhcpPool *pool,
           guint32             address,
           guint64             mac)
{
  const Lease *holder;

  if ((address & pool->mask) != pool->network || address == pool->network ||
      (pool->mask != 0xffffffffu && address == (pool->network | ~pool->mask)))
    return FALSE;
  if (excluded_range (server, address) != NULL || is_router_address (ipdev, address))
    return FALSE;
  holder = lease_by_address (server, address);
  return holder == NULL || holder->mac == mac;
}

/* The lowest address of @pool nobody holds, or 0 when it is full. */
static guint32
pick_address (CordIpDev          *ipdev,
              CordDhcpServer     *server,
              const CordDhcpPool *pool,
              guint64             mac)
{
  guint32 last = pool->network | ~pool->mask;
  guint32 a = pool->network + 1;

  /* Each step either takes the address or passes one thing in the way:
   * an excluded range (whole), an interface or a lease. */
  while (a < last)
    {
      const CordDhcpRange *r = excluded_range (server, a);

      if (r != NULL)
        {
          if (r->high >= last)
            return 0;
          a = r->high + 1;
          continue;
        }
      if (available (ipdev, server, pool, a, mac))
        return a;
      a++;
    }
  return 0;
}

/* ---- The wire ------------------------------------------------------------------- */

/* A reply to @req (the client's message) of @type from @ifp, and where it
 * goes: broadcast when the client asked for it or has no address yet that
 * we can reach without ARP, as RFC 2131 4.1 says. */
static void
send_reply (CordIpDev          *ipdev,
            CordIpIf           *ifp,
            const guint8       *req,
            guint8              type,
            guint32             yiaddr,
            const CordDhcpPool *pool)
{
  guint8 msg[CORD_DHCP_MIN_LEN + 128];
  guint8 *p;
  gsize len, dlen;
  guint32 ciaddr = get32 (req + 12);
  gboolean broadcast = (req[10] & (CORD_DHCP_FLAG_BROADCAST >> 8)) != 0 || type == CORD_DHCP_NAK;
  CordFrameIpv4Params params = { 0 };
  g_autoptr(CordFrame) frame = NULL;

  memset (msg, 0, sizeof msg);
  msg[0] = CORD_DHCP_OP_REPLY;
  msg[1] = 1;
  msg[2] = 6;
  memcpy (msg + 4, req + 4, 4);           /* xid */
  memcpy (msg + 10, req + 10, 2);         /* flags */
  if (type == CORD_DHCP_ACK)
    put32 (msg + 12, ciaddr);
  put32 (msg + 16, yiaddr);
  memcpy (msg + 24, req + 24, 4);         /* giaddr */
  memcpy (msg + 28, req + 28, 16);        /* chaddr */
  put32 (msg + CORD_DHCP_FIXED_LEN, CORD_DHCP_MAGIC_COOKIE);
  p = msg + CORD_DHCP_OPTIONS_OFFSET;
  p = _cord_dhcp_option (p, CORD_DHCP_OPT_MSG_TYPE, 1, &type);
  p = _cord_dhcp_option32 (p, CORD_DHCP_OPT_SERVER_ID, ifp->address);
  if (type != CORD_DHCP_NAK)
    {
      p = _cord_dhcp_option32 (p, CORD_DHCP_OPT_LEASE_TIME,
                               pool->lease_s != 0 ? pool->lease_s : CORD_DHCP_DEFAULT_LEASE_S);
      p = _cord_dhcp_option32 (p, CORD_DHCP_OPT_MASK, pool->mask);
      if (pool->router != 0)
        p = _cord_dhcp_option32 (p, CORD_DHCP_OPT_ROUTER, pool->router);
      if (pool->dns != 0)
        p = _cord_dhcp_option32 (p, CORD_DHCP_OPT_DNS, pool->dns);
      if (pool->domain != NULL && (dlen = MIN (strlen (pool->domain), 63u)) > 0)
        p = _cord_dhcp_option (p, CORD_DHCP_OPT_DOMAIN, (guint8) dlen, (const guint8 *) pool->domain);
    }
  *p++ = CORD_DHCP_OPT_END;
  len = MAX ((gsize) (p - msg), CORD_DHCP_MIN_LEN);

  params.src_mac = _cord_ip_if_mac_bytes (ifp);
  params.vid = _cord_ip_if_vid (ifp);
  params.src = ifp->address;
  params.ttl = _cord_ip_default_ttl (ipdev);
  params.id = ipdev->next_ip_id++;
  if (broadcast || (ciaddr == 0 && yiaddr == 0))
    {
      params.dst_mac = cord_frame_mac_broadcast;
      params.dst = 0xffffffffu;
    }
  else
    {
      /* The client takes frames for its MAC before it has the address. */
      memcpy (params.dst_mac.b, req + 28, 6);
      params.dst = ciaddr != 0 ? ciaddr : yiaddr;
    }
  frame = cord_frame_build_udp (&params, CORD_DHCP_SERVER_PORT, CORD_DHCP_CLIENT_PORT, msg, len);
  (void) _cord_sim_port_send (ifp->port, frame);
}

static void
on_discover (CordIpDev          *ipdev,
             CordDhcpServer     *server,
             CordIpIf           *ifp,
             const CordDhcpPool *pool,
             const guint8       *req,
             guint64             mac)
{
  Lease *lease = lease_by_mac (server, mac);
  guint32 address = 0;

  /* A client that comes back gets the address it had, if it still may. */
  if (lease != NULL && available (ipdev, server, pool, lease->address, mac))
    address = lease->address;
  else
    {
      if (lease != NULL)
        drop_lease (server, lease);
      lease = NULL;
      if (server->leases->len >= CORD_DHCP_MAX_BINDINGS)
        return;
      address = pick_address (ipdev, server, pool, mac);
    }
  /* IOS logs "%DHCPD-4-NO_FREE_ADDR" -- not modelled; the client times out. */
  if (address == 0)
    return;
  if (lease == NULL)
    {
      Lease fresh = { address, mac, _cord_ip_now (ipdev), 0, FALSE };

      g_array_append_val (server->leases, fresh);
    }
  else if (!lease->bound)
    lease->start = _cord_ip_now (ipdev);
  send_reply (ipdev, ifp, req, CORD_DHCP_OFFER, address, pool);
}

static void
on_request (CordIpDev             *ipdev,
            CordDhcpServer        *server,
            CordIpIf              *ifp,
            const CordDhcpPool    *pool,
            const guint8          *req,
            guint64                mac,
            const CordDhcpOptions *opts)
{
  guint32 wanted = opts->requested != 0 ? opts->requested : get32 (req + 12);
  Lease *lease = lease_by_mac (server, mac);

  /* The client took another server's offer: ours is free again. */
  if (opts->server != 0 && opts->server != ifp->address)
    {
      if (lease != NULL && !lease->bound)
        drop_lease (server, lease);
      return;
    }
  if (wanted == 0 || !available (ipdev, server, pool, wanted, mac))
    {
      send_reply (ipdev, ifp, req, CORD_DHCP_NAK, 0, pool);
      return;
    }
  if (lease != NULL && lease->address != wanted)
    {
      drop_lease (server, lease);
      lease = NULL;
    }
  if (lease == NULL)
    {
      Lease fresh = { wanted, mac, 0, 0, FALSE };

      if (server->leases->len >= CORD_DHCP_MAX_BINDINGS)
        return;
      g_array_append_val (server->leases, fresh);
      lease = &g_array_index (server->leases, Lease, server->leases->len - 1);
    }
  lease->bound = TRUE;
  lease->start = _cord_ip_now (ipdev);
  lease->lease_s = pool->lease_s != 0 ? pool->lease_s : CORD_DHCP_DEFAULT_LEASE_S;
  send_reply (ipdev, ifp, req, CORD_DHCP_ACK, wanted, pool);
}

gboolean
_cord_dhcp_server_input (CordIpDev           *ipdev,
                         CordIpIf            *ifp,
                         const guint8        *pkt,
                         const CordFrameInfo *info)
{
  CordDhcpServer *server = ipdev->dhcpd;
  const CordDhcpPool *pool;
  const guint8 *req;
  CordDhcpOptions opts;
  guint64 mac;

  g_assert (ipdev != NULL && pkt != NULL && info != NULL);

  if (!ipdev->router || !info->has_udp || info->udp.dst_port != CORD_DHCP_SERVER_PORT ||
      server == NULL || server->disabled)
    return FALSE;
  /* From here on the datagram is the server's, wanted or not. */
  req = pkt + info->payload_offset;
  if (ifp == NULL || ifp->serial || ifp->address == 0 || !info->udp.checksum_ok ||
      info->payload_len < CORD_DHCP_OPTIONS_OFFSET || req[0] != CORD_DHCP_OP_REQUEST ||
      req[1] != 1 || req[2] != 6 || !_cord_dhcp_parse_options (req, info->payload_len, &opts))
    return TRUE;
  mac = mac_of (req + 28);
  expire_offers (ipdev, server);
  if (opts.type == CORD_DHCP_RELEASE || opts.type == CORD_DHCP_DECLINE)
    {
      guint32 address = opts.type == CORD_DHCP_RELEASE ? get32 (req + 12) : opts.requested;
      Lease *lease = lease_by_address (server, address);

      /* A DECLINE says someone else uses the address: IOS moves it to its
       * conflict table; here it is simply no longer the client's. */
      if (lease != NULL && lease->mac == mac)
        drop_lease (server, lease);
      return TRUE;
    }
  pool = pool_for (server, ifp->address);
  if (pool == NULL)
    return TRUE;
  if (opts.type == CORD_DHCP_DISCOVER)
    on_discover (ipdev, server, ifp, pool, req, mac);
  else if (opts.type == CORD_DHCP_REQUEST)
    on_request (ipdev, server, ifp, pool, req, mac, &opts);
  return TRUE;
}

/* ---- Configuration ------------------------------------------------------------ */

static CordIpDev *
router_lookup (CordSim     *sim,
               CordDevice  *device,
               GError     **error)
{
  return _cord_ip_dev_lookup (sim, device, TRUE, error);
}

gboolean
cord_dhcp_server_set_pool (CordSim             *sim,
                           CordDevice          *device,
                           const CordDhcpPool  *pool,
                           GError             **error)
{
  CordIpDev *ipdev;
  CordDhcpServer *server;
  CordDhcpPool *old, copy;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (pool != NULL && pool->name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((ipdev = router_lookup (sim, device, error)) == NULL)
    return FALSE;
  server = server_get (ipdev);
  if (pool->mask != 0)
    {
      if (!cord_ip_mask_is_contiguous (pool->mask) || (pool->network & ~pool->mask) != 0)
        {
          /* (unverified) IOS's words for a network with host bits set. */
          g_set_error_literal (error, CORD_ERROR, CORD_ERROR_INVALID,
                               _("% Invalid network address and mask"));
          return FALSE;
        }
      for (guint i = 0; i < server->pools->len; i++)
        {
          const CordDhcpPool *other = &g_array_index (server->pools, CordDhcpPool, i);
          guint32 m = MIN (pool->mask, other->mask);

          if (other->mask != 0 && strcmp (other->name, pool->name) != 0 &&
              (pool->network & m) == (other->network & m))
            {
              char net[CORD_FRAME_IPV4_STRLEN];

              /* (unverified) as IOS says it. */
              g_set_error (error, CORD_ERROR, CORD_ERROR_EXISTS, _("%% %s/%u overlaps with pool %s"),
                           cord_frame_ipv4_to_string (pool->network, net),
                           cord_ip_mask_length (pool->mask), other->name);
              return FALSE;
            }
        }
    }
  old = find_pool (server, pool->name, NULL);
  if (old != NULL)
    {
      /* A new network leaves the old bindings outside it. */
      if (old->network != pool->network || old->mask != pool->mask)
        for (guint i = server->leases->len; i-- > 0;)
          {
            const Lease *l = &g_array_index (server->leases, Lease, i);

            if (old->mask != 0 && (l->address & old->mask) == old->network)
              g_array_remove_index (server->leases, i);
          }
      cord_dhcp_pool_clear (old);
      pool_copy (old, pool);
      return TRUE;
    }
  if (server->pools->len >= CORD_DHCP_MAX_POOLS)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("%s already has %u DHCP pools, the most a router may have"),
                   device->name, CORD_DHCP_MAX_POOLS);
      return FALSE;
    }
  pool_copy (&copy, pool);
  g_array_append_val (server->pools, copy);
  return TRUE;
}

gboolean
cord_dhcp_server_get_pool (CordSim      *sim,
                           CordDevice   *device,
                           const char   *name,
                           CordDhcpPool *pool)
{
  CordIpDev *ipdev;
  const CordDhcpPool *found;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (pool != NULL, FALSE);

  memset (pool, 0, sizeof *pool);
  ipdev = router_lookup (sim, device, NULL);
  if (ipdev == NULL || ipdev->dhcpd == NULL || (found = find_pool (ipdev->dhcpd, name, NULL)) == NULL)
    return FALSE;
  pool_copy (pool, found);
  return TRUE;
}

gboolean
cord_dhcp_server_remove_pool (CordSim     *sim,
                              CordDevice  *device,
                              const char  *name,
                              GError     **error)
{
  CordIpDev *ipdev;
  CordDhcpServer *server;
  CordDhcpPool *pool;
  guint index;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((ipdev = router_lookup (sim, device, error)) == NULL)
    return FALSE;
  server = server_get (ipdev);
  pool = find_pool (server, name, &index);
  if (pool == NULL)
    {
      /* (unverified) IOS's words. */
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID, _("%% Pool %s does not exist."), name);
      return FALSE;
    }
  for (guint i = server->leases->len; i-- > 0;)
    {
      const Lease *l = &g_array_index (server->leases, Lease, i);

      if (pool->mask != 0 && (l->address & pool->mask) == pool->network)
        g_array_remove_index (server->leases, i);
    }
  g_array_remove_index (server->pools, index);
  return TRUE;
}

GArray *
cord_dhcp_server_list_pools (CordSim    *sim,
                             CordDevice *device)
{
  CordIpDev *ipdev;
  GArray *out;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);

  ipdev = router_lookup (sim, device, NULL);
  if (ipdev == NULL)
    return NULL;
  out = g_array_new (FALSE, TRUE, sizeof (CordDhcpPool));
  g_array_set_clear_func (out, pool_clear_func);
  for (guint i = 0; ipdev->dhcpd != NULL && i < ipdev->dhcpd->pools->len; i++)
    {
      CordDhcpPool copy;

      pool_copy (&copy, &g_array_index (ipdev->dhcpd->pools, CordDhcpPool, i));
      g_array_append_val (out, copy);
    }
  return out;
}

static gint
range_cmp (gconstpointer a,
           gconstpointer b)
{
  const CordDhcpRange *x = a, *y = b;

  if (x->low != y->low)
    return x->low < y->low ? -1 : 1;
  return x->high < y->high ? -1 : x->high > y->high;
}

gboolean
cord_dhcp_server_exclude (CordSim     *sim,
                          CordDevice  *device,
                          guint32      low,
                          guint32      high,
                          gboolean     exclude,
                          GError     **error)
{
  CordIpDev *ipdev;
  CordDhcpServer *server;
  CordDhcpRange range = { low, high };

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((ipdev = router_lookup (sim, device, error)) == NULL)
    return FALSE;
  if (high < low)
    {
      /* (unverified) IOS's words. */
      g_set_error_literal (error, CORD_ERROR, CORD_ERROR_INVALID,
                           _("% Invalid address range: the high address is below the low one"));
      return FALSE;
    }
  server = server_get (ipdev);
  for (guint i = 0; i < server->excluded->len; i++)
    {
      const CordDhcpRange *r = &g_array_index (server->excluded, CordDhcpRange, i);

      if (r->low == low && r->high == high)
        {
          if (!exclude)
            g_array_remove_index (server->excluded, i);
          return TRUE;
        }
    }
  if (!exclude)
    {
      /* (unverified) IOS's words. */
      g_set_error_literal (error, CORD_ERROR, CORD_ERROR_INVALID,
                           _("% Range not found"));
      return FALSE;
    }
  if (server->excluded->len >= CORD_DHCP_MAX_EXCLUDED)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("%s already has %u excluded address ranges, the most a router may have"),
                   device->name, CORD_DHCP_MAX_EXCLUDED);
      return FALSE;
    }
  g_array_append_val (server->excluded, range);
  g_array_sort (server->excluded, range_cmp);
  return TRUE;
}

GArray *
cord_dhcp_server_list_excluded (CordSim    *sim,
                                CordDevice *device)
{
  CordIpDev *ipdev;
  GArray *out;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);

  ipdev = router_lookup (sim, device, NULL);
  if (ipdev == NULL)
    return NULL;
  out = g_array_new (FALSE, FALSE, sizeof (CordDhcpRange));
  if (ipdev->dhcpd != NULL)
    g_array_append_vals (out, ipdev->dhcpd->excluded->data, ipdev->dhcpd->excluded->len);
  return out;
}

gboolean
cord_dhcp_server_set_enabled (CordSim     *sim,
                              CordDevice  *device,
                              gboolean     enabled,
                              GError     **error)
{
  CordIpDev *ipdev;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((ipdev = router_lookup (sim, device, error)) == NULL)
    return FALSE;
  server_get (ipdev)->disabled = !enabled;
  return TRUE;
}

gboolean
cord_dhcp_server_get_enabled (CordSim    *sim,
                              CordDevice *device)
{
  CordIpDev *ipdev;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);

  ipdev = router_lookup (sim, device, NULL);
  return ipdev != NULL && (ipdev->dhcpd == NULL || !ipdev->dhcpd->disabled);
}

static gint
binding_cmp (gconstpointer a,
             gconstpointer b)
{
  const CordDhcpBinding *x = a, *y = b;

  return x->address < y->address ? -1 : x->address > y->address;
}

GArray *
cord_dhcp_server_list_bindings (CordSim    *sim,
                                CordDevice *device)
{
  CordIpDev *ipdev;
  GArray *out;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);

  ipdev = router_lookup (sim, device, NULL);
  if (ipdev == NULL)
    return NULL;
  out = g_array_new (FALSE, FALSE, sizeof (CordDhcpBinding));
  for (guint i = 0; ipdev->dhcpd != NULL && i < ipdev->dhcpd->leases->len; i++)
    {
      const Lease *l = &g_array_index (ipdev->dhcpd->leases, Lease, i);
      CordDhcpBinding b = { l->address, l->mac, l->start, l->lease_s };

      if (l->bound)
        g_array_append_val (out, b);
    }
  g_array_sort (out, binding_cmp);
  return out;
}

gboolean
cord_dhcp_server_clear_bindings (CordSim     *sim,
                                 CordDevice  *device,
                                 guint32      address,
                                 GError     **error)
{
  CordIpDev *ipdev;
  CordDhcpServer *server;
  Lease *lease;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((ipdev = router_lookup (sim, device, error)) == NULL)
    return FALSE;
  server = server_get (ipdev);
  if (address == 0)
    {
      g_array_set_size (server->leases, 0);
      return TRUE;
    }
  lease = lease_by_address (server, address);
  if (lease == NULL || !lease->bound)
    {
      char text[CORD_FRAME_IPV4_STRLEN];

      /* (unverified) IOS's words. */
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID, _("%% Address %s not in use."),
                   cord_frame_ipv4_to_string (address, text));
      return FALSE;
    }
  drop_lease (server, lease);
  return TRUE;
}
