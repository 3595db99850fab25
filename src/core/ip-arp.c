/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ARP for the IPv4 stack: the neighbour table, resolution with its retries, replies and proxy ARP. */
#include "config.h"

#include <string.h>

#include "ip-private.h"

/* ARP resolution. A host queues what waits for an answer and asks three
 * times a second apart before it gives up, as Windows does; a router
 * drops the packet that needed resolving (so the first echo across it is
 * lost, as in IOS) and forgets an unanswered request after 2 s, asking
 * again at most once a second while traffic keeps coming. */
#define ARP_HOST_RETRY_NS     CORD_ENGINE_NS_PER_SEC
#define ARP_HOST_TRIES        3u
#define ARP_ROUTER_HOLD_NS    (2 * CORD_ENGINE_NS_PER_SEC)
#define ARP_ROUTER_RETRY_NS   CORD_ENGINE_NS_PER_SEC
/* Far more neighbours than a lab has; a flood of made-up senders (a
 * fuzzer, an injected capture) stops here instead of growing the table. */
#define ARP_MAX_ENTRIES       8192u

/* ---- ARP ------------------------------------------------------------------------ */

void
_cord_ip_arp_free (gpointer data)
{
  CordIpArp *e = data;
  CordFrame *frame;

  while ((frame = g_queue_pop_head (&e->pending)) != NULL)
    cord_frame_unref (frame);
  g_free (e);
}

static guint64
arp_timeout (const CordIpDev *ipdev)
{
  return ipdev->router ? CORD_IP_ROUTER_ARP_TIMEOUT : CORD_IP_HOST_ARP_TIMEOUT;
}

/* The entry for @address, with a complete one that has aged out removed. */
CordIpArp *
_cord_ip_arp_lookup (CordIpDev *ipdev,
                     guint32    address)
{
  CordIpArp *e = g_hash_table_lookup (ipdev->arp, GUINT_TO_POINTER (address));

  if (e != NULL && e->complete && _cord_ip_now (ipdev) - e->created >= arp_timeout (ipdev))
    {
      g_hash_table_remove (ipdev->arp, GUINT_TO_POINTER (address));
      return NULL;
    }
  return e;
}

static void
arp_send_request (CordIpDev *ipdev,
                  CordIpIf  *ifp,
                  guint32    target)
{
  CordMac mac = _cord_ip_if_mac_bytes (ifp);
  g_autoptr(CordFrame) frame = cord_frame_build_arp_request (&mac, _cord_ip_if_vid (ifp),
                                                             ifp->address, target);

  _cord_sim_port_send (ifp->port, frame);
}

static void
arp_arm (CordIpDev *ipdev)
{
  GHashTableIter iter;
  gpointer value;
  guint64 next = G_MAXUINT64;

  g_hash_table_iter_init (&iter, ipdev->arp);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CordIpArp *e = value;

      if (!e->complete)
        next = MIN (next, e->deadline);
    }
  if (next == G_MAXUINT64)
    cord_timer_stop (_cord_ip_engine (ipdev), &ipdev->arp_timer);
  else
    cord_timer_start_at (_cord_ip_engine (ipdev), &ipdev->arp_timer, next);
}

/* The complete entry for @nexthop out of @ifp; otherwise starts (or, on a
 * router, repeats) the request and returns NULL with *incomplete set. */
CordIpArp *
_cord_ip_arp_resolve (CordIpDev  *ipdev,
                      CordIpIf   *ifp,
                      guint32     nexthop,
                      CordIpArp **incomplete)
{
  CordIpArp *e = _cord_ip_arp_lookup (ipdev, nexthop);
  guint64 now = _cord_ip_now (ipdev);

  if (e != NULL && e->ifp != ifp)
    {
      g_hash_table_remove (ipdev->arp, GUINT_TO_POINTER (nexthop));
      e = NULL;
    }
  if (e != NULL && e->complete)
    return e;
  if (incomplete != NULL)
    *incomplete = NULL;
  if (e == NULL && g_hash_table_size (ipdev->arp) >= ARP_MAX_ENTRIES)
    return NULL;
  if (e == NULL)
    {
      e = g_new0 (CordIpArp, 1);
      e->address = nexthop;
      e->ifp = ifp;
      e->created = now;
      e->tries = 1;
      e->last_request = now;
      e->deadline = now + (ipdev->router ? ARP_ROUTER_HOLD_NS : ARP_HOST_RETRY_NS);
      g_queue_init (&e->pending);
      g_hash_table_insert (ipdev->arp, GUINT_TO_POINTER (nexthop), e);
      arp_send_request (ipdev, ifp, nexthop);
      arp_arm (ipdev);
    }
  else if (ipdev->router && now - e->last_request >= ARP_ROUTER_RETRY_NS)
    {
      e->last_request = now;
      e->deadline = now + ARP_ROUTER_HOLD_NS;
      arp_send_request (ipdev, ifp, nexthop);
      arp_arm (ipdev);
    }
  if (incomplete != NULL)
    *incomplete = e;
  return NULL;
}

/* @e's neighbour answered: remember it and send what waited. */
static void
arp_complete (CordIpDev     *ipdev,
              CordIpArp     *e,
              CordIpIf      *ifp,
              const CordMac *mac)
{
  CordFrame *frame;
  gboolean was_incomplete = !e->complete;

  e->mac = *mac;
  e->ifp = ifp;
  e->created = _cord_ip_now (ipdev);
  e->complete = TRUE;
  while ((frame = g_queue_pop_head (&e->pending)) != NULL)
    {
      memcpy (frame->data, mac->b, 6);
      _cord_sim_port_send (ifp->port, frame);
      cord_frame_unref (frame);
    }
  if (was_incomplete)
    arp_arm (ipdev);
}

/* Our own stack gave up on @frame: the sessions hear it as a host
 * unreachable from ourselves, as Windows reports a failed ARP. */

static void
report_local_unreachable (CordIpDev *ipdev,
                          CordFrame *frame)
{
  CordFrameInfo info;
  CordIpIcmpEvent ev = { 0 };

  cord_frame_parse (frame->data, frame->len, &info);
  if (!info.has_ipv4)
    return;
  ev.type = CORD_FRAME_ICMP_DEST_UNREACHABLE;
  ev.code = CORD_FRAME_UNREACH_HOST;
  ev.from = info.ipv4.src;
  ev.local = TRUE;
  ev.q_proto = info.ipv4.protocol;
  ev.q_dst = info.ipv4.dst;
  if (info.has_icmp)
    {
      ev.q_id = info.icmp.id;
      ev.q_seq = info.icmp.seq;
    }
  if (info.has_udp)
    {
      ev.q_sport = info.udp.src_port;
      ev.q_dport = info.udp.dst_port;
    }
  _cord_ip_dispatch_icmp (ipdev, &ev);
}

void
_cord_ip_arp_timer_cb (CordEngine *engine,
              gpointer    a,
              gpointer    b)
{
  CordIpDev *ipdev = a;
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func ((GDestroyNotify) cord_frame_unref);
  guint64 now = cord_engine_now (engine);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, ipdev->arp);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CordIpArp *e = value;
      CordFrame *frame;

      if (e->complete || e->deadline > now)
        continue;
      if (!ipdev->router && e->tries < ARP_HOST_TRIES)
        {
          e->tries++;
          e->last_request = now;
          e->deadline = now + ARP_HOST_RETRY_NS;
          arp_send_request (ipdev, e->ifp, e->address);
          continue;
        }
      while ((frame = g_queue_pop_head (&e->pending)) != NULL)
        g_ptr_array_add (failed, frame);
      g_hash_table_iter_remove (&iter);
    }
  arp_arm (ipdev);
  /* Sessions may start or stop others; the table is consistent now. */
  for (guint i = 0; i < failed->len; i++)
    report_local_unreachable (ipdev, failed->pdata[i]);
}

void
_cord_ip_arp_flush_if (CordIpDev *ipdev,
                       CordIpIf  *ifp)
{
  GHashTableIter iter;
  gpointer value;

  g_assert (ipdev != NULL && ifp != NULL);

  g_hash_table_iter_init (&iter, ipdev->arp);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((CordIpArp *) value)->ifp == ifp)
      g_hash_table_iter_remove (&iter);
  arp_arm (ipdev);
}

void
_cord_ip_arp_clear (CordIpDev *ipdev)
{
  g_assert (ipdev != NULL);

  g_hash_table_remove_all (ipdev->arp);
  cord_timer_stop (_cord_ip_engine (ipdev), &ipdev->arp_timer);
}

static void
arp_reply (CordIpIf      *ifp,
           const CordMac *to,
           guint32        sender_ip,
           guint32        target_ip)
{
  CordMac mac = _cord_ip_if_mac_bytes (ifp);
  g_autoptr(CordFrame) frame = cord_frame_build_arp_reply (&mac, to, _cord_ip_if_vid (ifp),
                                                           sender_ip, target_ip);

  _cord_sim_port_send (ifp->port, frame);
}

/* IOS answers for addresses it routes elsewhere (proxy ARP is on by
 * default): a host with a too-wide mask still reaches other subnets. */
static gboolean
proxy_arp_ok (CordIpDev *ipdev,
              CordIpIf  *ifp,
              guint32    spa,
              guint32    tpa)
{
  const CordIpRoute *r;

  if (!ipdev->router || _cord_ip_in_subnet (ifp, tpa) || !_cord_ip_in_subnet (ifp, spa) ||
      !_cord_ip_is_host_address (tpa))
    return FALSE;
  r = _cord_ip_route_lookup (ipdev, tpa);
  return r != NULL && r->out_if != ifp;
}

void
_cord_ip_arp_input (CordIpDev           *ipdev,
                    CordIpIf            *ifp,
                    const CordFrameInfo *info)
{
  guint32 spa = info->arp.spa, tpa = info->arp.tpa;
  gboolean for_us = tpa == ifp->address;

  if (cord_frame_mac_is_multicast (&info->arp.sha))
    return;
  /* RFC 826: refresh what we know; learn the sender only when it asks us. */
  if (spa != ifp->address && _cord_ip_is_host_address (spa) && _cord_ip_in_subnet (ifp, spa))
    {
      CordIpArp *e = g_hash_table_lookup (ipdev->arp, GUINT_TO_POINTER (spa));

      if (e != NULL)
        arp_complete (ipdev, e, ifp, &info->arp.sha);
      else if (for_us && g_hash_table_size (ipdev->arp) < ARP_MAX_ENTRIES)
        {
          e = g_new0 (CordIpArp, 1);
          e->address = spa;
          g_queue_init (&e->pending);
          g_hash_table_insert (ipdev->arp, GUINT_TO_POINTER (spa), e);
          arp_complete (ipdev, e, ifp, &info->arp.sha);
        }
    }
  if (info->arp.op != CORD_FRAME_ARP_REQUEST)
    return;
  if (for_us || proxy_arp_ok (ipdev, ifp, spa, tpa))
    arp_reply (ifp, &info->arp.sha, tpa, spa);
}

static gint
arp_cmp (gconstpointer a,
         gconstpointer b)
{
  const CordArpInfo *x = a, *y = b;

  if (x->address != y->address)
    return x->address < y->address ? -1 : 1;
  return 0;
}

static void
arp_info_clear_func (gpointer data)
{
  CordArpInfo *info = data;

  g_free (info->ifname);
}

GArray *
cord_ip_get_arp (CordSim    *sim,
                 CordDevice *device)
{
  CordIpDev *ipdev;
  GArray *out;
  GHashTableIter iter;
  gpointer key, value;
  guint64 now;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);

  ipdev = _cord_ip_dev_lookup (sim, device, FALSE, NULL);
  if (ipdev == NULL)
    return NULL;
  now = _cord_ip_now (ipdev);
  out = g_array_new (FALSE, TRUE, sizeof (CordArpInfo));
  g_array_set_clear_func (out, arp_info_clear_func);
  g_hash_table_iter_init (&iter, ipdev->arp);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CordIpArp *e = value;
      CordArpInfo info = { 0 };
      guint8 *b = e->mac.b;

      if (!e->complete)
        continue;
      if (now - e->created >= arp_timeout (ipdev))
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }
      info.address = e->address;
      info.mac = (guint64) b[0] << 40 | (guint64) b[1] << 32 | (guint64) b[2] << 24 |
                 (guint64) b[3] << 16 | (guint64) b[4] << 8 | b[5];
      info.ifname = g_strdup (e->ifp->name);
      info.created_ns = e->created;
      g_array_append_val (out, info);
    }
  if (ipdev->router)
    CORD_IP_FOREACH_IF (ipdev, ifp, {
      if (ifp->up && ifp->address != 0 && !ifp->serial)
        {
          CordArpInfo info = { ifp->address, _cord_ip_if_mac (ifp), g_strdup (ifp->name), 0, TRUE };

          g_array_append_val (out, info);
        }
    })
  g_array_sort (out, arp_cmp);
  return out;
}

void
cord_ip_clear_arp (CordSim    *sim,
                   CordDevice *device)
{
  CordIpDev *ipdev;

  g_return_if_fail (sim != NULL);
  g_return_if_fail (device != NULL);

  ipdev = _cord_ip_dev_lookup (sim, device, FALSE, NULL);
  if (ipdev != NULL)
    _cord_ip_arp_clear (ipdev);
}
