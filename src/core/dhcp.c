/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The DHCP client of end devices: real BOOTP/DHCP messages, retries on virtual time, the lease or APIPA written to the host settings. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "dhcp.h"
#include "ip-private.h"

/* The lease lives in the topology's host settings (CordDevice.host, with
 * dhcp set), stored without an undo step: a lab saved afterwards records
 * the address the host holds, and says it came from DHCP. The client
 * keeps only what the settings cannot say: the exchange in progress and
 * the server of the lease. */

typedef enum {
  DHCP_IDLE,
  DHCP_SELECTING,       /* DISCOVER sent, waiting for an OFFER */
  DHCP_REQUESTING,      /* REQUEST sent, waiting for the ACK */
} DhcpState;

typedef struct {
  CordDhcpDoneFunc done;
  gpointer         user_data;
} DhcpWaiter;

struct _CordDhcpClient {
  CordIpDev *ipdev;
  DhcpState  state;
  guint32    xid;
  guint      xid_count;
  guint      tries;         /* messages sent in this state */
  guint64    started;       /* virtual time the attempt began */
  CordTimer  timer;
  guint32    offered;       /* REQUESTING: the OFFER taken */
  guint32    offer_server;
  guint32    lease_server;  /* of the lease held, 0 when none */
  CordMac    server_mac;    /* where its ACK came from; all zero when none */
  GArray    *waiters;       /* DhcpWaiter */
};

static const guint waits_s[CORD_DHCP_TRIES] = CORD_DHCP_WAITS_S;

/* ---- Helpers ------------------------------------------------------------------ */

static gboolean
mac_known (const CordMac *mac)
{
  static const CordMac none = { { 0 } };

  return memcmp (mac->b, none.b, sizeof none.b) != 0;
}

static CordIpIf *
nic_of (CordIpDev *ipdev)
{
  return ipdev->ifs->len > 0 ? ipdev->ifs->pdata[0] : NULL;
}

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

guint32
cord_dhcp_apipa_address (guint64 mac)
{
  guint8 third = (guint8) (mac >> 8), fourth = (guint8) mac;

  /* 169.254.0.x and 169.254.255.x are reserved (RFC 3927, 2.1). */
  return 0xa9fe0000u | (guint32) (1 + third % 254) << 8 | fourth;
}

/* FNV-1a over the MAC and a count: transaction IDs that differ per host
 * and per attempt, the same on every run. */
static guint32
make_xid (guint64 mac,
          guint   count)
{
  guint32 h = 0x811c9dc5u;

  for (guint i = 0; i < 6; i++)
    h = (h ^ (guint8) (mac >> (40 - 8 * i))) * 0x01000193u;
  for (guint i = 0; i < 4; i++)
    h = (h ^ (guint8) (count >> (8 * i))) * 0x01000193u;
  return h;
}

/* ---- Sending -------------------------------------------------------------------- */

guint8 *
_cord_dhcp_option (guint8       *p,
                   guint8        code,
                   guint8        len,
                   const guint8 *data)
{
  *p++ = code;
  *p++ = len;
  memcpy (p, data, len);
  return p + len;
}

guint8 *
_cord_dhcp_option32 (guint8  *p,
                     guint8   code,
                     guint32  value)
{
  guint8 b[4];

  put32 (b, value);
  return _cord_dhcp_option (p, code, 4, b);
}

/* A client message: @ciaddr is our address (RELEASE), else 0. Returns its
 * length in @msg, which holds CORD_DHCP_MIN_LEN plus room for the name. */
static gsize
build_message (CordDhcpClient *client,
               guint8          type,
               guint32         ciaddr,
               guint8         *msg,
               gsize           size)
{
  CordIpIf *nic = nic_of (client->ipdev);
  CordMac mac = _cord_sim_port_mac (nic->port);
  const char *name = client->ipdev->sdev->device->name;
  guint64 secs = (_cord_ip_now (client->ipdev) - client->started) / CORD_ENGINE_NS_PER_SEC;
  guint8 client_id[7] = { 1 };
  static const guint8 params[] = { CORD_DHCP_OPT_MASK, CORD_DHCP_OPT_ROUTER, CORD_DHCP_OPT_DNS };
  gsize name_len = MIN (strlen (name), 63);
  guint8 *p;

  g_assert (size >= CORD_DHCP_MIN_LEN + 64);
  memset (msg, 0, size);
  msg[0] = CORD_DHCP_OP_REQUEST;
  msg[1] = 1;             /* Ethernet */
  msg[2] = 6;
  put32 (msg + 4, client->xid);
  msg[8] = (guint8) (MIN (secs, 0xffff) >> 8);
  msg[9] = (guint8) MIN (secs, 0xffff);
  /* We take frames for our MAC before we have an address, but a server
   * that broadcasts its answers reaches every client. */
  if (type != CORD_DHCP_RELEASE)
    msg[10] = CORD_DHCP_FLAG_BROADCAST >> 8;
  put32 (msg + 12, ciaddr);
  memcpy (msg + 28, mac.b, 6);
  put32 (msg + CORD_DHCP_FIXED_LEN, CORD_DHCP_MAGIC_COOKIE);
  p = msg + CORD_DHCP_OPTIONS_OFFSET;
  p = _cord_dhcp_option (p, CORD_DHCP_OPT_MSG_TYPE, 1, &type);
  memcpy (client_id + 1, mac.b, 6);
  p = _cord_dhcp_option (p, CORD_DHCP_OPT_CLIENT_ID, sizeof client_id, client_id);
  if (type == CORD_DHCP_REQUEST)
    {
      p = _cord_dhcp_option32 (p, CORD_DHCP_OPT_REQUESTED, client->offered);
      p = _cord_dhcp_option32 (p, CORD_DHCP_OPT_SERVER_ID, client->offer_server);
    }
  else if (type == CORD_DHCP_RELEASE)
    p = _cord_dhcp_option32 (p, CORD_DHCP_OPT_SERVER_ID, client->lease_server);
  if (type != CORD_DHCP_RELEASE)
    {
      if (name_len > 0)
        p = _cord_dhcp_option (p, CORD_DHCP_OPT_HOSTNAME, (guint8) name_len, (const guint8 *) name);
      p = _cord_dhcp_option (p, CORD_DHCP_OPT_PARAMS, sizeof params, params);
    }
  *p++ = CORD_DHCP_OPT_END;
  return MAX ((gsize) (p - msg), CORD_DHCP_MIN_LEN);
}

/* DISCOVER and REQUEST: broadcast from 0.0.0.0, straight onto the NIC. */
static void
send_broadcast (CordDhcpClient *client,
                guint8          type)
{
  CordIpDev *ipdev = client->ipdev;
  CordIpIf *nic = nic_of (ipdev);
  guint8 msg[CORD_DHCP_MIN_LEN + 64];
  gsize len;
  CordFrameIpv4Params params = { 0 };
  g_autoptr(CordFrame) frame = NULL;

  if (nic == NULL)
    return;
  len = build_message (client, type, 0, msg, sizeof msg);
  params.dst_mac = cord_frame_mac_broadcast;
  params.src_mac = _cord_sim_port_mac (nic->port);
  params.src = 0;
  params.dst = 0xffffffffu;
  params.ttl = _cord_ip_default_ttl (ipdev);
  params.id = ipdev->next_ip_id++;
  frame = cord_frame_build_udp (&params, CORD_DHCP_CLIENT_PORT, CORD_DHCP_SERVER_PORT, msg, len);
  /* A NIC without a link drops it (counted); the timer still runs. */
  (void) _cord_sim_port_send (nic->port, frame);
}

/* RELEASE: unicast to the server, routed and resolved like any packet. */
static void
send_release (CordDhcpClient *client)
{
  CordIpDev *ipdev = client->ipdev;
  CordIpIf *nic = nic_of (ipdev);
  guint8 msg[CORD_DHCP_MIN_LEN + 64];
  CordFrameIpv4Params params = { 0 };
  CordIpPath path;
  gsize len;

  if (nic == NULL || nic->address == 0 || client->lease_server == 0)
    return;
  client->xid = make_xid (ipdev->sdev->device->mac_base, ++client->xid_count);
  client->started = _cord_ip_now (ipdev);
  len = build_message (client, CORD_DHCP_RELEASE, nic->address, msg, sizeof msg);
  if (!_cord_ip_prepare (ipdev, client->lease_server, nic->address, _cord_ip_default_ttl (ipdev), &params, &path))
    return;
  /* The address goes as soon as the RELEASE is sent: an ARP for the
   * server would be answered to an address the host no longer has, and
   * the RELEASE would never leave. The ACK came from the server's (or a
   * relay's) MAC on this link, so the RELEASE goes there. */
  if (!path.resolved && path.out_if == nic && mac_known (&client->server_mac))
    {
      params.dst_mac = client->server_mac;
      path.resolved = TRUE;
    }
  _cord_ip_transmit (ipdev, &path, cord_frame_build_udp (&params, CORD_DHCP_CLIENT_PORT,
                                                         CORD_DHCP_SERVER_PORT, msg, len));
}

/* ---- The exchange ------------------------------------------------------------- */

static void
store_host (CordDhcpClient   *client,
            const CordHostIp *host)
{
  CordDevice *device = client->ipdev->sdev->device;
  g_autoptr(GError) error = NULL;

  /* Only fails for a device that is not a host, which has no client. */
  if (!cord_topology_store_host_ip (device->topology, device, host, &error))
    g_warning ("%s", error->message);
}

/* Ends the attempt and tells everyone who waits. A waiter may start
 * another attempt: the list is taken first. */
static void
finish (CordDhcpClient *client,
        CordDhcpResult  result)
{
  CordIpDev *ipdev = client->ipdev;
  g_autoptr(GArray) waiters = client->waiters;
  CordSim *sim = _cord_ip_sim (ipdev);
  CordDevice *device = ipdev->sdev->device;

  cord_timer_stop (_cord_ip_engine (ipdev), &client->timer);
  client->state = DHCP_IDLE;
  client->waiters = g_array_new (FALSE, FALSE, sizeof (DhcpWaiter));
  if (result == CORD_DHCP_TIMEOUT || result == CORD_DHCP_REFUSED)
    {
      CordIpIf *nic = nic_of (ipdev);
      CordHostIp host = { TRUE, 0, CORD_DHCP_APIPA_MASK, 0, 0 };
      guint64 mac = 0;

      if (nic != NULL)
        {
          CordMac m = _cord_sim_port_mac (nic->port);

          for (guint i = 0; i < 6; i++)
            mac = mac << 8 | m.b[i];
        }
      host.address = cord_dhcp_apipa_address (mac);
      client->lease_server = 0;
      store_host (client, &host);
    }
  for (guint i = 0; i < waiters->len; i++)
    {
      DhcpWaiter *w = &g_array_index (waiters, DhcpWaiter, i);

      if (w->done != NULL)
        w->done (sim, device, result, w->user_data);
    }
}

static void
send_current (CordDhcpClient *client)
{
  g_assert (client->tries < CORD_DHCP_TRIES);

  send_broadcast (client, client->state == DHCP_SELECTING ? CORD_DHCP_DISCOVER : CORD_DHCP_REQUEST);
  cord_timer_start (_cord_ip_engine (client->ipdev), &client->timer,
                    (guint64) waits_s[client->tries] * CORD_ENGINE_NS_PER_SEC);
  client->tries++;
}

static void
timer_cb (CordEngine *engine,
          gpointer    a,
          gpointer    b)
{
  CordDhcpClient *client = a;

  if (client->tries >= CORD_DHCP_TRIES)
    finish (client, CORD_DHCP_TIMEOUT);
  else
    send_current (client);
}

/* The options of a message that the client and the server read. */
gboolean
_cord_dhcp_parse_options (const guint8     *p,
                          gsize             len,
                          CordDhcpOptions  *opts)
{
  gsize i = CORD_DHCP_OPTIONS_OFFSET;

  g_assert (p != NULL && opts != NULL);

  memset (opts, 0, sizeof *opts);
  if (len < CORD_DHCP_OPTIONS_OFFSET || get32 (p + CORD_DHCP_FIXED_LEN) != CORD_DHCP_MAGIC_COOKIE)
    return FALSE;
  while (i < len)
    {
      guint8 code = p[i], olen;
      const guint8 *data;

      if (code == CORD_DHCP_OPT_END)
        break;
      if (code == CORD_DHCP_OPT_PAD)
        {
          i++;
          continue;
        }
      if (i + 2 > len || i + 2 + p[i + 1] > len)
        return FALSE;
      olen = p[i + 1];
      data = p + i + 2;
      switch (code)
        {
        case CORD_DHCP_OPT_MSG_TYPE:
          if (olen >= 1)
            opts->type = data[0];
          break;
        case CORD_DHCP_OPT_MASK:
          if (olen >= 4)
            opts->mask = get32 (data);
          break;
        case CORD_DHCP_OPT_ROUTER:
          if (olen >= 4)
            opts->router = get32 (data);
          break;
        case CORD_DHCP_OPT_DNS:
          if (olen >= 4)
            opts->dns = get32 (data);
          break;
        case CORD_DHCP_OPT_SERVER_ID:
          if (olen >= 4)
            opts->server = get32 (data);
          break;
        case CORD_DHCP_OPT_REQUESTED:
          if (olen >= 4)
            opts->requested = get32 (data);
          break;
        default:
          break;
        }
      i += 2u + olen;
    }
  return opts->type != 0;
}

static void
take_ack (CordDhcpClient    *client,
          guint32            yiaddr,
          const CordDhcpOptions *opts)
{
  CordHostIp host = { TRUE, yiaddr, opts->mask != 0 ? opts->mask : cord_ip_classful_mask (yiaddr),
                      opts->router, opts->dns };

  client->lease_server = opts->server != 0 ? opts->server : client->offer_server;
  store_host (client, &host);
  finish (client, CORD_DHCP_BOUND);
}

gboolean
_cord_dhcp_input (CordIpDev       *ipdev,
                  const CordFrame *frame)
{
  CordDhcpClient *client = ipdev->dhcp;
  CordFrameInfo info;
  const guint8 *p;
  CordDhcpOptions opts;
  guint32 yiaddr;
  CordIpIf *nic;

  g_assert (ipdev != NULL && frame != NULL);

  if (client == NULL || !cord_frame_parse (frame->data, frame->len, &info) || !info.has_udp ||
      info.udp.dst_port != CORD_DHCP_CLIENT_PORT || info.udp.src_port != CORD_DHCP_SERVER_PORT)
    return FALSE;
  /* From here on the frame is ours, wanted or not. */
  nic = nic_of (ipdev);
  p = frame->data + info.payload_offset;
  if (client->state == DHCP_IDLE || nic == NULL || !info.ipv4.checksum_ok || !info.udp.checksum_ok ||
      info.payload_len < CORD_DHCP_OPTIONS_OFFSET || p[0] != CORD_DHCP_OP_REPLY ||
      get32 (p + 4) != client->xid)
    return TRUE;
  {
    CordMac mac = _cord_sim_port_mac (nic->port);

    if (memcmp (p + 28, mac.b, 6) != 0)
      return TRUE;
  }
  if (!_cord_dhcp_parse_options (p, info.payload_len, &opts))
    return TRUE;
  yiaddr = get32 (p + 16);
  switch (client->state)
    {
    case DHCP_SELECTING:
      /* The first usable offer wins. */
      if (opts.type != CORD_DHCP_OFFER || opts.server == 0 || !_cord_ip_is_host_address (yiaddr))
        return TRUE;
      client->offered = yiaddr;
      client->offer_server = opts.server;
      client->state = DHCP_REQUESTING;
      client->tries = 0;
      cord_timer_stop (_cord_ip_engine (ipdev), &client->timer);
      send_current (client);
      break;
    case DHCP_REQUESTING:
      if (opts.server != 0 && opts.server != client->offer_server)
        return TRUE;
      if (opts.type == CORD_DHCP_NAK)
        finish (client, CORD_DHCP_REFUSED);
      else if (opts.type == CORD_DHCP_ACK && yiaddr == client->offered &&
               cord_ip_check_address (yiaddr, opts.mask != 0 ? opts.mask : cord_ip_classful_mask (yiaddr), NULL))
        {
          memcpy (client->server_mac.b, frame->data + 6, 6);
          take_ack (client, yiaddr, &opts);
        }
      break;
    case DHCP_IDLE:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* ---- The device's client ------------------------------------------------------ */

static CordDhcpClient *
client_get (CordIpDev *ipdev)
{
  CordDhcpClient *client = ipdev->dhcp;

  if (client != NULL)
    return client;
  client = g_new0 (CordDhcpClient, 1);
  client->ipdev = ipdev;
  client->waiters = g_array_new (FALSE, FALSE, sizeof (DhcpWaiter));
  cord_timer_init (&client->timer, timer_cb, client);
  ipdev->dhcp = client;
  return client;
}

void
_cord_dhcp_stop (CordIpDev *ipdev)
{
  g_assert (ipdev != NULL);

  if (ipdev->dhcp != NULL && ipdev->dhcp->state != DHCP_IDLE)
    finish (ipdev->dhcp, CORD_DHCP_CANCELLED);
}

void
_cord_dhcp_free (CordIpDev *ipdev)
{
  CordDhcpClient *client;

  g_assert (ipdev != NULL);

  client = ipdev->dhcp;
  if (client == NULL)
    return;
  _cord_dhcp_stop (ipdev);
  cord_timer_clear (_cord_ip_engine (ipdev), &client->timer);
  g_array_unref (client->waiters);
  g_free (client);
  ipdev->dhcp = NULL;
}

static CordIpDev *
host_lookup (CordSim     *sim,
             CordDevice  *device,
             GError     **error)
{
  CordIpDev *ipdev = _cord_ip_dev_lookup (sim, device, FALSE, error);

  if (ipdev == NULL)
    return NULL;
  if (ipdev->router)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s (%s) is not an end device; only PCs, laptops and servers run a DHCP client"),
                   device->name, device->model->name);
      return NULL;
    }
  return ipdev;
}

gboolean
cord_dhcp_start (CordSim           *sim,
                 CordDevice        *device,
                 CordDhcpDoneFunc   done,
                 gpointer           user_data,
                 GError           **error)
{
  CordIpDev *ipdev;
  CordDhcpClient *client;
  DhcpWaiter w = { done, user_data };

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);

  if ((ipdev = host_lookup (sim, device, error)) == NULL)
    return FALSE;
  if (!device->host.dhcp)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("%s has static IP settings; choose DHCP first"), device->name);
      return FALSE;
    }
  if (!_cord_ip_powered (ipdev) || nic_of (ipdev) == NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("%s is off or has no network card; turn it on or put one in"), device->name);
      return FALSE;
    }
  client = client_get (ipdev);
  g_array_append_val (client->waiters, w);
  if (client->state != DHCP_IDLE)
    return TRUE;
  client->xid = make_xid (device->mac_base, ++client->xid_count);
  client->started = _cord_ip_now (ipdev);
  client->state = DHCP_SELECTING;
  client->tries = 0;
  client->offered = client->offer_server = 0;
  send_current (client);
  return TRUE;
}

void
cord_dhcp_forget (CordSim    *sim,
                  CordDevice *device,
                  gpointer    user_data)
{
  CordSimDevice *sdev;
  CordIpDev *ipdev;

  g_return_if_fail (sim != NULL);
  g_return_if_fail (device != NULL);

  sdev = _cord_sim_device_get (device);
  if (sdev == NULL || sdev->ops != &_cord_host_ops || (ipdev = sdev->impl) == NULL || ipdev->dhcp == NULL)
    return;
  for (guint i = ipdev->dhcp->waiters->len; i > 0; i--)
    if (g_array_index (ipdev->dhcp->waiters, DhcpWaiter, i - 1).user_data == user_data)
      g_array_remove_index (ipdev->dhcp->waiters, i - 1);
}

gboolean
cord_dhcp_is_running (CordSim    *sim,
                      CordDevice *device)
{
  CordIpDev *ipdev;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);

  ipdev = host_lookup (sim, device, NULL);
  return ipdev != NULL && ipdev->dhcp != NULL && ipdev->dhcp->state != DHCP_IDLE;
}

gboolean
cord_dhcp_release (CordSim     *sim,
                   CordDevice  *device,
                   GError     **error)
{
  CordIpDev *ipdev;
  CordDhcpClient *client;
  CordHostIp host = { TRUE, 0, 0, 0, 0 };

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);

  if ((ipdev = host_lookup (sim, device, error)) == NULL)
    return FALSE;
  if (!device->host.dhcp)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("%s has static IP settings; there is no lease to release"), device->name);
      return FALSE;
    }
  client = client_get (ipdev);
  _cord_dhcp_stop (ipdev);
  if (_cord_ip_powered (ipdev))
    send_release (client);
  client->lease_server = 0;
  store_host (client, &host);
  return TRUE;
}

guint32
cord_dhcp_get_server (CordSim    *sim,
                      CordDevice *device)
{
  CordIpDev *ipdev;

  g_return_val_if_fail (sim != NULL, 0);
  g_return_val_if_fail (device != NULL, 0);

  ipdev = host_lookup (sim, device, NULL);
  if (ipdev == NULL || ipdev->dhcp == NULL || !device->host.dhcp)
    return 0;
  return ipdev->dhcp->lease_server;
}
