/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The running network: per-port state, wires that carry real frames on virtual time, capture and hooks. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "sim-private.h"

/* One direction of a cable. Frames in flight sit in a FIFO ring: the wire
 * delivers them in order, so each delivery event needs only the wire, and
 * tearing a wire down can free everything it still carries. */
struct _CordSimWire {
  CordSimPort  *from;
  CordSimPort  *to;
  guint64       bandwidth;    /* bits per second */
  guint64       free_at;      /* when the last queued frame has left */
  CordFrame   **ring;
  guint         head;
  guint         count;
  guint         capacity;
};

struct _CordSim {
  CordTopology     *topology;
  CordEngine       *engine;
  CordSimFrameHook  frame_hook;
  gpointer          frame_hook_data;
  CordSimPortHook   port_hook;
  gpointer          port_hook_data;
};

/* Propagation over a 100 m cable, near enough for every medium. */
#define PROPAGATION_NS 500u
/* Preamble, start delimiter, FCS and the inter-frame gap: bytes a frame
 * costs on the wire beyond the ones we store. */
#define WIRE_OVERHEAD_BYTES 24u

static void update_line (CordSim *sim, CordSimPort *sp);

static const CordSimDeviceOps *
ops_for_kind (CordDeviceKind kind)
{
  switch (kind)
    {
    case CORD_KIND_ROUTER:
      return &_cord_router_ops;
    case CORD_KIND_SWITCH:
    case CORD_KIND_L3SWITCH:
    case CORD_KIND_BRIDGE:
      return &_cord_switch_ops;
    case CORD_KIND_HUB:
      return &_cord_hub_ops;
    case CORD_KIND_PC:
    case CORD_KIND_LAPTOP:
    case CORD_KIND_SERVER:
      return &_cord_host_ops;
    default:
      g_assert_not_reached ();
    }
}

/* Ports that carry frames; console and async lines carry keystrokes. */
static gboolean
carries_frames (const CordPort *port)
{
  return port->medium == CORD_MEDIUM_COPPER || port->medium == CORD_MEDIUM_FIBER ||
         port->medium == CORD_MEDIUM_SERIAL;
}

static guint64
port_speed (const CordPort *port)
{
  if (strcmp (port->type, "GigabitEthernet") == 0)
    return G_GUINT64_CONSTANT (1000000000);
  if (strcmp (port->type, "FastEthernet") == 0)
    return 100000000;
  if (strcmp (port->type, "Ethernet") == 0)
    return 10000000;
  if (strcmp (port->type, "Serial") == 0)
    return 1544000;   /* a T1, IOS's default bandwidth on serial */
  return 100000000;
}

CordSimPort *
_cord_sim_port_get (CordPort *port)
{
  g_assert (port != NULL);
  return port->sim;
}

CordSimDevice *
_cord_sim_device_get (CordDevice *device)
{
  g_assert (device != NULL);
  return device->sim;
}

CordEngine *
_cord_sim_device_engine (CordSimDevice *dev)
{
  g_assert (dev != NULL);
  return dev->sim->engine;
}

guint64
_cord_sim_now (CordSimDevice *dev)
{
  g_assert (dev != NULL);
  return cord_engine_now (dev->sim->engine);
}

CordMac
_cord_sim_port_mac (CordSimPort *port)
{
  CordMac mac;

  g_assert (port != NULL);
  cord_mac_to_bytes (port->port->mac, mac.b);
  return mac;
}

gboolean
_cord_sim_parse_l2 (const CordFrame *frame,
                    CordL2Header    *l2)
{
  const guint8 *d = frame->data;
  guint16 type;

  g_assert (frame != NULL && l2 != NULL);

  if (frame->len < CORD_FRAME_ETH_HLEN)
    return FALSE;
  memcpy (l2->dst.b, d, 6);
  memcpy (l2->src.b, d + 6, 6);
  type = (guint16) (d[12] << 8 | d[13]);
  if (type == CORD_FRAME_ETHERTYPE_VLAN)
    {
      if (frame->len < CORD_FRAME_ETH_HLEN + CORD_FRAME_VLAN_HLEN)
        return FALSE;
      l2->tagged = TRUE;
      l2->vid = (guint16) ((d[14] << 8 | d[15]) & 0x0fff);
      l2->ethertype = (guint16) (d[16] << 8 | d[17]);
      l2->offset = CORD_FRAME_ETH_HLEN + CORD_FRAME_VLAN_HLEN;
      /* VIDs 0 and 4095 are reserved; a priority tag (0) is not modelled. */
      return l2->vid != 0 && l2->vid != 4095;
    }
  l2->tagged = FALSE;
  l2->vid = 0;
  l2->ethertype = type;
  l2->offset = CORD_FRAME_ETH_HLEN;
  /* Only a tag may take a frame past 1514 bytes: an untagged giant would
   * not fit the wire once a switch tagged it. */
  return frame->len <= CORD_FRAME_MAX_UNTAGGED_LEN;
}

/* Wires. */

static CordSimWire *
wire_new (CordSimPort *from,
          CordSimPort *to)
{
  CordSimWire *wire = g_new0 (CordSimWire, 1);

  wire->from = from;
  wire->to = to;
  wire->bandwidth = MIN (port_speed (from->port), port_speed (to->port));
  return wire;
}

static void
wire_drain (CordSim     *sim,
            CordSimWire *wire)
{
  g_assert (wire != NULL);

  cord_engine_cancel_data (sim->engine, wire);
  while (wire->count > 0)
    {
      cord_frame_unref (wire->ring[wire->head]);
      wire->head = (wire->head + 1) % wire->capacity;
      wire->count--;
    }
  wire->head = 0;
  wire->free_at = 0;
}

static void
wire_free (CordSim     *sim,
           CordSimWire *wire)
{
  wire_drain (sim, wire);
  g_free (wire->ring);
  g_free (wire);
}

static void
wire_push (CordSimWire *wire,
           CordFrame   *frame)
{
  if (wire->count == wire->capacity)
    {
      guint capacity = MAX (4u, wire->capacity * 2);
      CordFrame **ring = g_new (CordFrame *, capacity);

      for (guint i = 0; i < wire->count; i++)
        ring[i] = wire->ring[(wire->head + i) % wire->capacity];
      g_free (wire->ring);
      wire->ring = ring;
      wire->capacity = capacity;
      wire->head = 0;
    }
  wire->ring[(wire->head + wire->count) % wire->capacity] = cord_frame_ref (frame);
  wire->count++;
}

static CordFrame *
wire_pop (CordSimWire *wire)
{
  CordFrame *frame;

  g_assert (wire->count > 0);
  frame = wire->ring[wire->head];
  wire->head = (wire->head + 1) % wire->capacity;
  wire->count--;
  return frame;
}

static void
capture_frame (CordSimPort     *sp,
               const CordFrame *frame,
               guint64          now)
{
  g_autoptr(GError) error = NULL;

  if (sp->capture == NULL)
    return;
  if (!cord_pcap_writer_write (sp->capture, now, frame->data, frame->len, &error))
    {
      /* A full disk must not stop the simulation; the capture ends and
       * the error comes back from cord_sim_capture_stop. */
      g_warning ("Capture on %s stopped: %s", sp->port->name, error->message);
      g_clear_pointer (&sp->capture, cord_pcap_writer_free);
    }
}

/* The frame has crossed (or been injected onto) the wire into @sp. */
static void
arrive (CordSim     *sim,
        CordSimPort *sp,
        CordFrame   *frame)
{
  CordSimDevice *dev = sp->dev;
  CordL2Header l2;
  gboolean ethernet = sp->port->medium != CORD_MEDIUM_SERIAL;

  sp->counters.in_packets++;
  sp->counters.in_bytes += frame->len;
  if (ethernet && !_cord_sim_parse_l2 (frame, &l2))
    {
      _cord_sim_port_input_error (sp);
      return;
    }
  if (dev->ops->receive != NULL)
    dev->ops->receive (dev, sp, frame, ethernet ? &l2 : NULL);
}

static void
deliver (CordEngine *engine,
         gpointer    a,
         gpointer    b)
{
  CordSimWire *wire = a;
  g_autoptr(CordFrame) frame = wire_pop (wire);
  CordSimPort *to = wire->to;
  CordSim *sim = to->dev->sim;
  guint64 now = cord_engine_now (engine);

  /* A line that went down while the frame was on it loses the frame. */
  if (!to->line_up || !wire->from->line_up)
    return;
  capture_frame (wire->from, frame, now);
  capture_frame (to, frame, now);
  arrive (sim, to, frame);
}

gboolean
_cord_sim_port_send (CordSimPort *sp,
                     CordFrame   *frame)
{
  CordSim *sim;
  CordSimWire *wire;
  guint64 now, start, arrival;

  g_assert (sp != NULL && frame != NULL);

  wire = sp->tx;
  if (!sp->line_up || wire == NULL || wire->count >= CORD_SIM_TX_QUEUE)
    {
      sp->counters.out_drops++;
      return FALSE;
    }
  sim = sp->dev->sim;
  now = cord_engine_now (sim->engine);
  start = MAX (now, wire->free_at);
  wire->free_at = start + ((guint64) frame->len + WIRE_OVERHEAD_BYTES) * 8 *
                  G_GUINT64_CONSTANT (1000000000) / wire->bandwidth;
  arrival = wire->free_at + PROPAGATION_NS;
  wire_push (wire, frame);
  sp->counters.out_packets++;
  sp->counters.out_bytes += frame->len;

  if (sim->frame_hook != NULL)
    {
      CordSimFrameEvent event = { now, arrival, sp->port, wire->to->port, frame };

      sim->frame_hook (sim, &event, sim->frame_hook_data);
    }
  cord_engine_schedule_at (sim->engine, arrival, deliver, wire, NULL);
  return TRUE;
}

void
_cord_sim_port_input_error (CordSimPort *sp)
{
  g_assert (sp != NULL);
  sp->counters.in_errors++;
}

void
_cord_sim_port_input_drop (CordSimPort *sp)
{
  g_assert (sp != NULL);
  sp->counters.in_drops++;
}

/* Ports and devices. */

static gboolean
compute_line (CordSimPort *sp)
{
  CordLink *link = sp->port->link;
  CordPort *peer;
  CordSimPort *psp;

  if (!carries_frames (sp->port) || !sp->dev->device->powered || !sp->admin_up ||
      link == NULL || link->state != CORD_LINK_UP)
    return FALSE;
  peer = cord_link_get_peer (link, sp->port);
  psp = peer->sim;
  return psp != NULL && peer->device->powered && psp->admin_up;
}

static void
update_line (CordSim     *sim,
             CordSimPort *sp)
{
  gboolean up = compute_line (sp);

  if (up == sp->line_up)
    return;
  sp->line_up = up;
  /* A line that goes down loses what was queued on it. */
  if (!up && sp->tx != NULL)
    wire_drain (sim, sp->tx);
  if (sp->dev->ops->port_changed != NULL)
    sp->dev->ops->port_changed (sp->dev, sp);
  if (sim->port_hook != NULL)
    sim->port_hook (sim, sp->port, up, sim->port_hook_data);
}

/* Updates @sp and the port at the other end of its cable. */
static void
update_link_ends (CordSim     *sim,
                  CordSimPort *sp)
{
  update_line (sim, sp);
  if (sp->port->link != NULL)
    {
      CordPort *peer = cord_link_get_peer (sp->port->link, sp->port);

      if (peer->sim != NULL)
        update_line (sim, peer->sim);
    }
}

/* Factory state of a port: IOS routers start with every interface shut
 * down; switches, hubs and hosts start with theirs up. */
static gboolean
factory_admin_up (CordSimDevice *dev)
{
  return dev->device->model->kind != CORD_KIND_ROUTER;
}

static CordSimPort *
port_attach (CordSimDevice *dev,
             CordPort      *port)
{
  CordSimPort *sp = g_new0 (CordSimPort, 1);

  sp->dev = dev;
  sp->port = port;
  sp->admin_up = factory_admin_up (dev);
  port->sim = sp;
  g_ptr_array_add (dev->ports, sp);
  if (dev->ops->port_added != NULL)
    dev->ops->port_added (dev, sp);
  return sp;
}

static void
port_detach (CordSimDevice *dev,
             CordSimPort   *sp)
{
  if (dev->ops->port_removed != NULL)
    dev->ops->port_removed (dev, sp);
  g_clear_pointer (&sp->capture, cord_pcap_writer_free);
  sp->port->sim = NULL;
  g_ptr_array_remove (dev->ports, sp);
  g_free (sp);
}

static void
link_attach (CordSim  *sim,
             CordLink *link)
{
  CordSimPort *a = link->ends[0]->sim;
  CordSimPort *b = link->ends[1]->sim;

  g_assert (a != NULL && b != NULL);
  a->tx = wire_new (a, b);
  b->tx = wire_new (b, a);
  update_line (sim, a);
  update_line (sim, b);
}

static void
link_detach (CordSim  *sim,
             CordLink *link)
{
  for (guint i = 0; i < 2; i++)
    {
      CordSimPort *sp = link->ends[i]->sim;

      if (sp != NULL && sp->tx != NULL)
        {
          wire_free (sim, sp->tx);
          sp->tx = NULL;
        }
    }
  /* The topology clears port->link after this signal; the ports go down
   * now, as the cable leaves. */
  for (guint i = 0; i < 2; i++)
    {
      CordSimPort *sp = link->ends[i]->sim;

      if (sp != NULL && sp->line_up)
        {
          sp->line_up = FALSE;
          if (sp->dev->ops->port_changed != NULL)
            sp->dev->ops->port_changed (sp->dev, sp);
          if (sim->port_hook != NULL)
            sim->port_hook (sim, sp->port, FALSE, sim->port_hook_data);
        }
    }
}

static void
device_attach (CordSim    *sim,
               CordDevice *device)
{
  CordSimDevice *dev = g_new0 (CordSimDevice, 1);

  dev->sim = sim;
  dev->device = device;
  dev->ops = ops_for_kind (device->model->kind);
  dev->ports = g_ptr_array_new ();
  device->sim = dev;
  for (guint i = 0; i < device->ports->len; i++)
    port_attach (dev, device->ports->pdata[i]);
  if (device->powered && dev->ops->power_changed != NULL)
    dev->ops->power_changed (dev);
}

static void
device_detach (CordSim    *sim,
               CordDevice *device)
{
  CordSimDevice *dev = device->sim;

  if (dev == NULL)
    return;
  while (dev->ports->len > 0)
    port_detach (dev, dev->ports->pdata[dev->ports->len - 1]);
  dev->ops->free (dev);
  g_ptr_array_unref (dev->ports);
  device->sim = NULL;
  g_free (dev);
}

static void
power_changed (CordSim       *sim,
               CordSimDevice *dev)
{
  if (dev->device->powered)
    {
      /* Boot: the interfaces come up in their factory state, then the
       * behaviour resets itself, then lines settle. */
      for (guint i = 0; i < dev->ports->len; i++)
        ((CordSimPort *) dev->ports->pdata[i])->admin_up = factory_admin_up (dev);
      if (dev->ops->power_changed != NULL)
        dev->ops->power_changed (dev);
      for (guint i = 0; i < dev->ports->len; i++)
        update_link_ends (sim, dev->ports->pdata[i]);
    }
  else
    {
      for (guint i = 0; i < dev->ports->len; i++)
        update_link_ends (sim, dev->ports->pdata[i]);
      if (dev->ops->power_changed != NULL)
        dev->ops->power_changed (dev);
    }
}

/* Topology signals. */

static void
on_device_added (CordTopology *topology,
                 CordDevice   *device,
                 CordSim      *sim)
{
  device_attach (sim, device);
}

static void
on_device_removed (CordTopology *topology,
                   CordDevice   *device,
                   CordSim      *sim)
{
  device_detach (sim, device);
}

static void
on_device_changed (CordTopology *topology,
                   CordDevice   *device,
                   guint         what,
                   CordSim      *sim)
{
  CordSimDevice *dev = device->sim;

  if (dev == NULL)
    return;
  if (what & CORD_DEVICE_CHANGED_POWER)
    power_changed (sim, dev);
  if ((what & CORD_DEVICE_CHANGED_HOST) && dev->ops->host_changed != NULL)
    dev->ops->host_changed (dev);
}

static void
on_port_added (CordTopology *topology,
               CordPort     *port,
               CordSim      *sim)
{
  if (port->device->sim != NULL)
    port_attach (port->device->sim, port);
}

static void
on_port_removed (CordTopology *topology,
                 CordPort     *port,
                 CordSim      *sim)
{
  if (port->sim != NULL)
    port_detach (port->device->sim, port->sim);
}

static void
on_link_added (CordTopology *topology,
               CordLink     *link,
               CordSim      *sim)
{
  link_attach (sim, link);
}

static void
on_link_removed (CordTopology *topology,
                 CordLink     *link,
                 CordSim      *sim)
{
  link_detach (sim, link);
}

static void
on_link_changed (CordTopology *topology,
                 CordLink     *link,
                 CordSim      *sim)
{
  for (guint i = 0; i < 2; i++)
    if (link->ends[i]->sim != NULL)
      update_line (sim, link->ends[i]->sim);
}

CordSim *
cord_sim_new (CordTopology *topology,
              CordEngine   *engine)
{
  CordSim *sim;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (topology), NULL);
  g_return_val_if_fail (engine != NULL, NULL);

  sim = g_new0 (CordSim, 1);
  sim->topology = g_object_ref (topology);
  sim->engine = engine;

  for (guint i = 0; i < cord_topology_get_n_devices (topology); i++)
    device_attach (sim, cord_topology_get_device (topology, i));
  for (guint i = 0; i < cord_topology_get_n_links (topology); i++)
    link_attach (sim, cord_topology_get_link (topology, i));

  g_signal_connect (topology, "device-added", G_CALLBACK (on_device_added), sim);
  g_signal_connect (topology, "device-removed", G_CALLBACK (on_device_removed), sim);
  g_signal_connect (topology, "device-changed", G_CALLBACK (on_device_changed), sim);
  g_signal_connect (topology, "port-added", G_CALLBACK (on_port_added), sim);
  g_signal_connect (topology, "port-removed", G_CALLBACK (on_port_removed), sim);
  g_signal_connect (topology, "link-added", G_CALLBACK (on_link_added), sim);
  g_signal_connect (topology, "link-removed", G_CALLBACK (on_link_removed), sim);
  g_signal_connect (topology, "link-changed", G_CALLBACK (on_link_changed), sim);
  return sim;
}

void
cord_sim_free (CordSim *sim)
{
  if (sim == NULL)
    return;
  g_signal_handlers_disconnect_by_data (sim->topology, sim);
  /* Wires first: they hold frames and engine events. */
  for (guint i = 0; i < cord_topology_get_n_devices (sim->topology); i++)
    {
      CordDevice *device = cord_topology_get_device (sim->topology, i);

      for (guint p = 0; p < device->ports->len; p++)
        {
          CordSimPort *sp = ((CordPort *) device->ports->pdata[p])->sim;

          if (sp != NULL && sp->tx != NULL)
            {
              wire_free (sim, sp->tx);
              sp->tx = NULL;
            }
        }
    }
  for (guint i = 0; i < cord_topology_get_n_devices (sim->topology); i++)
    device_detach (sim, cord_topology_get_device (sim->topology, i));
  g_clear_object (&sim->topology);
  g_free (sim);
}

CordTopology *
cord_sim_get_topology (CordSim *sim)
{
  g_return_val_if_fail (sim != NULL, NULL);
  return sim->topology;
}

CordEngine *
cord_sim_get_engine (CordSim *sim)
{
  g_return_val_if_fail (sim != NULL, NULL);
  return sim->engine;
}

void
cord_sim_set_frame_hook (CordSim          *sim,
                         CordSimFrameHook  hook,
                         gpointer          user_data)
{
  g_return_if_fail (sim != NULL);
  sim->frame_hook = hook;
  sim->frame_hook_data = user_data;
}

void
cord_sim_set_port_hook (CordSim         *sim,
                        CordSimPortHook  hook,
                        gpointer         user_data)
{
  g_return_if_fail (sim != NULL);
  sim->port_hook = hook;
  sim->port_hook_data = user_data;
}

static CordSimPort *
need_port (CordSim  *sim,
           CordPort *port)
{
  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (port != NULL, NULL);
  g_return_val_if_fail (port->device->topology == sim->topology, NULL);
  return port->sim;
}

gboolean
cord_sim_port_is_up (CordSim  *sim,
                     CordPort *port)
{
  CordSimPort *sp = need_port (sim, port);

  return sp != NULL && sp->line_up;
}

gboolean
cord_sim_port_get_shutdown (CordSim  *sim,
                            CordPort *port)
{
  CordSimPort *sp = need_port (sim, port);

  return sp != NULL && !sp->admin_up;
}

gboolean
cord_sim_port_set_shutdown (CordSim   *sim,
                            CordPort  *port,
                            gboolean   shutdown,
                            GError   **error)
{
  CordSimPort *sp = need_port (sim, port);

  if (sp == NULL)
    return FALSE;
  if (!carries_frames (port))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s is not an interface that can be shut down"), port->name);
      return FALSE;
    }
  if (sp->admin_up == !shutdown)
    return TRUE;
  sp->admin_up = !shutdown;
  update_link_ends (sim, sp);
  return TRUE;
}

const CordPortCounters *
cord_sim_port_get_counters (CordSim  *sim,
                            CordPort *port)
{
  CordSimPort *sp = need_port (sim, port);

  return sp != NULL ? &sp->counters : NULL;
}

void
cord_sim_port_clear_counters (CordSim  *sim,
                              CordPort *port)
{
  CordSimPort *sp = need_port (sim, port);

  if (sp != NULL)
    memset (&sp->counters, 0, sizeof sp->counters);
}

guint64
cord_sim_port_get_bandwidth (CordSim  *sim,
                             CordPort *port)
{
  CordSimPort *sp = need_port (sim, port);

  if (sp == NULL)
    return 0;
  return sp->tx != NULL ? sp->tx->bandwidth : port_speed (port);
}

void
cord_sim_inject (CordSim      *sim,
                 CordPort     *port,
                 const guint8 *data,
                 gsize         len)
{
  CordSimPort *sp = need_port (sim, port);
  g_autoptr(CordFrame) frame = NULL;

  g_return_if_fail (data != NULL || len == 0);

  /* Frames arrive only where a line is up, as from a real wire. */
  if (sp == NULL || !sp->line_up)
    return;
  /* Nothing from outside is trusted: a frame too short to hold a header,
   * or longer than a tagged frame may be, is an input error. */
  if (len > CORD_FRAME_MAX_LEN ||
      len < (port->medium == CORD_MEDIUM_SERIAL ? 4u : CORD_FRAME_ETH_HLEN))
    {
      sp->counters.in_packets++;
      _cord_sim_port_input_error (sp);
      return;
    }
  frame = cord_frame_new_copy (data, len);
  capture_frame (sp, frame, cord_engine_now (sim->engine));
  arrive (sim, sp, frame);
}

gboolean
cord_sim_capture_start (CordSim     *sim,
                        CordPort    *port,
                        const char  *path,
                        GError     **error)
{
  CordSimPort *sp = need_port (sim, port);
  CordPcapWriter *writer;

  g_return_val_if_fail (path != NULL, FALSE);
  if (sp == NULL)
    return FALSE;
  if (!carries_frames (port))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s on %s carries no frames to capture"), port->name,
                   port->device->name);
      return FALSE;
    }
  if (sp->capture != NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_EXISTS,
                   _("%s on %s is already being captured"), port->name,
                   port->device->name);
      return FALSE;
    }
  writer = cord_pcap_writer_new_full (path, port->medium == CORD_MEDIUM_SERIAL
                                              ? CORD_PCAP_LINKTYPE_C_HDLC
                                              : CORD_PCAP_LINKTYPE_ETHERNET, error);
  if (writer == NULL)
    return FALSE;
  sp->capture = writer;
  return TRUE;
}

gboolean
cord_sim_capture_stop (CordSim   *sim,
                       CordPort  *port,
                       GError   **error)
{
  CordSimPort *sp = need_port (sim, port);
  CordPcapWriter *writer;
  gboolean ok;

  if (sp == NULL)
    return FALSE;
  if (sp->capture == NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("%s on %s is not being captured"), port->name, port->device->name);
      return FALSE;
    }
  writer = g_steal_pointer (&sp->capture);
  ok = cord_pcap_writer_close (writer, error);
  cord_pcap_writer_free (writer);
  return ok;
}

gboolean
cord_sim_capture_stop_all (CordSim  *sim,
                           GError  **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (sim != NULL, FALSE);

  for (guint i = 0; i < cord_topology_get_n_devices (sim->topology); i++)
    {
      CordDevice *device = cord_topology_get_device (sim->topology, i);

      for (guint p = 0; p < device->ports->len; p++)
        {
          CordSimPort *sp = ((CordPort *) device->ports->pdata[p])->sim;

          if (sp != NULL && sp->capture != NULL)
            {
              GError *local = NULL;
              CordPcapWriter *writer = g_steal_pointer (&sp->capture);
              gboolean closed = cord_pcap_writer_close (writer, &local);

              cord_pcap_writer_free (writer);
              if (!closed)
                {
                  if (ok)
                    g_propagate_error (error, local);
                  else
                    g_error_free (local);
                  ok = FALSE;
                }
            }
        }
    }
  return ok;
}
