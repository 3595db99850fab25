/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes the seed corpus of the frame-input fuzz target: real ARP, ICMP, UDP, 802.1Q and HDLC frames for the lab in frame-lab.h. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "frame-lab.h"

/* A seed: records in the format frame-input.c reads. */
typedef struct {
  GByteArray *bytes;
  guint       n;
} Seed;

static const CordMac outside = { { 0x02, 0x00, 0x00, 0x00, 0x00, 0x05 } };
static CordMac r1_mac, pc_mac, r2_mac;

static void
seed_record (Seed         *seed,
             const guint8 *data,
             gsize         len)
{
  guint8 head[2] = { (guint8) (len >> 8), (guint8) len };

  g_byte_array_append (seed->bytes, head, 2);
  g_byte_array_append (seed->bytes, data, (guint) len);
  seed->n++;
}

/* Adds bytes so that they arrive on @port: records for the ports in
 * between are left empty. */
static void
seed_add_raw (Seed         *seed,
              FuzzPort      port,
              const guint8 *data,
              gsize         len)
{
  while (seed->n % FUZZ_N_PORTS != (guint) port)
    seed_record (seed, NULL, 0);
  seed_record (seed, data, len);
}

/* The same with a frame, which it consumes. */
static void
seed_add (Seed      *seed,
          FuzzPort   port,
          CordFrame *frame)
{
  seed_add_raw (seed, port, frame->data, frame->len);
  cord_frame_unref (frame);
}

static void
seed_write (Seed       *seed,
            const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, (const char *) seed->bytes->data, seed->bytes->len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  g_byte_array_set_size (seed->bytes, 0);
  seed->n = 0;
}

static CordFrameIpv4Params
ip_params (const CordMac *dst_mac,
           const CordMac *src_mac,
           guint16        vid,
           guint32        src,
           guint32        dst,
           guint8         ttl)
{
  CordFrameIpv4Params p = { *dst_mac, *src_mac, vid, src, dst, ttl, 0, 0x1234, FALSE };

  return p;
}

static CordFrame *
echo (const CordMac *dst_mac,
      const CordMac *src_mac,
      guint16        vid,
      guint32        src,
      guint32        dst,
      guint8         ttl)
{
  CordFrameIpv4Params p = ip_params (dst_mac, src_mac, vid, src, dst, ttl);
  static const guint8 payload[32] = "abcdefghijklmnopqrstuvwabcdefghi";

  return cord_frame_build_icmp_echo_request (&p, 1, 1, payload, sizeof payload);
}

static CordFrame *
udp (const CordMac *dst_mac,
     const CordMac *src_mac,
     guint16        vid,
     guint32        src,
     guint32        dst,
     guint16        port)
{
  CordFrameIpv4Params p = ip_params (dst_mac, src_mac, vid, src, dst, 64);
  static const guint8 payload[12] = "patchcord!!";

  return cord_frame_build_udp (&p, 49152, port, payload, sizeof payload);
}

/* The IPv4 datagram of an untagged Ethernet frame in Cisco HDLC. */
static CordFrame *
hdlc (CordFrame *eth,
      guint8     address)
{
  const guint8 *ip = eth->data + CORD_FRAME_ETH_HLEN;
  gsize total = ((gsize) ip[2] << 8) | ip[3];
  CordFrame *out = cord_frame_new (4 + total);

  out->data[0] = address;
  out->data[1] = 0x00;
  out->data[2] = 0x08;
  out->data[3] = 0x00;
  memcpy (out->data + 4, ip, total);
  cord_frame_unref (eth);
  return out;
}

/* A second 802.1Q tag in front of the one @frame (consumed) has: the
 * builders refuse to make this, so it is done by hand. */
static CordFrame *
double_tagged (CordFrame *frame,
               guint16    outer_vid)
{
  CordFrame *out = cord_frame_new (frame->len + CORD_FRAME_VLAN_HLEN);

  memcpy (out->data, frame->data, 12);
  out->data[12] = 0x81;
  out->data[13] = 0x00;
  out->data[14] = (guint8) (outer_vid >> 8);
  out->data[15] = (guint8) outer_vid;
  memcpy (out->data + 16, frame->data + 12, frame->len - 12);
  cord_frame_unref (frame);
  return out;
}

/* A frame with some bytes changed. */
static CordFrame *
patched (CordFrame *frame,
         gsize      offset,
         guint8     value)
{
  if (offset < frame->len)
    frame->data[offset] = value;
  return frame;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CordTopology) topology = NULL;
  Seed seed = { g_byte_array_new (), 0 };
  const char *dir;
  const CordMac *bc = &cord_frame_mac_broadcast;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DIR\n", argv[0]);
      return 2;
    }
  dir = argv[1];
  g_mkdir_with_parents (dir, 0755);

  topology = fuzz_lab_topology_new ();
  cord_mac_to_bytes (fuzz_lab_port (topology, FUZZ_PORT_ROUTER)->mac, r1_mac.b);
  cord_mac_to_bytes (fuzz_lab_port (topology, FUZZ_PORT_PC)->mac, pc_mac.b);
  cord_mac_to_bytes (cord_device_find_port (cord_topology_find_device (topology, "R2"),
                                            "FastEthernet0/0")->mac, r2_mac.b);

  /* ARP, to each of them. */
  seed_add (&seed, FUZZ_PORT_SWITCH,
            cord_frame_build_arp_request (&r1_mac, FUZZ_VLAN, FUZZ_R1_FA00_10, FUZZ_PC0));
  seed_write (&seed, dir, "arp-request-trunk-vlan10");
  seed_add (&seed, FUZZ_PORT_ROUTER,
            cord_frame_build_arp_request (&outside, 0, 0x0a000005, FUZZ_R1_FA00));
  seed_write (&seed, dir, "arp-request-router");
  seed_add (&seed, FUZZ_PORT_ROUTER,
            cord_frame_build_arp_request (&outside, FUZZ_VLAN, 0x0a000a07, FUZZ_R1_FA00_10));
  seed_write (&seed, dir, "arp-request-router-subif");
  seed_add (&seed, FUZZ_PORT_PC,
            cord_frame_build_arp_request (&outside, 0, 0x0a000a09, FUZZ_PC0));
  seed_write (&seed, dir, "arp-request-pc");
  seed_add (&seed, FUZZ_PORT_PC,
            cord_frame_build_arp_reply (&outside, &pc_mac, 0, FUZZ_R1_FA00_10, FUZZ_PC0));
  seed_write (&seed, dir, "arp-reply-pc");
  seed_add (&seed, FUZZ_PORT_ROUTER,
            cord_frame_build_arp_reply (&outside, &r1_mac, 0, 0x0a000005, FUZZ_R1_FA00));
  seed_write (&seed, dir, "arp-reply-router");

  /* Echo requests: answered, routed over the serial line, routed between
   * subinterfaces, expiring, to nowhere, to a broadcast. */
  seed_add (&seed, FUZZ_PORT_ROUTER,
            cord_frame_build_arp_request (&outside, 0, 0x0a000005, FUZZ_R1_FA00));
  seed_add (&seed, FUZZ_PORT_ROUTER, echo (&r1_mac, &outside, 0, 0x0a000005, FUZZ_R1_FA00, 64));
  seed_write (&seed, dir, "ping-router");
  seed_add (&seed, FUZZ_PORT_ROUTER,
            cord_frame_build_arp_request (&outside, 0, 0x0a000005, FUZZ_R1_FA00));
  seed_add (&seed, FUZZ_PORT_ROUTER, echo (&r1_mac, &outside, 0, 0x0a000005, FUZZ_R2_SE, 64));
  seed_write (&seed, dir, "ping-over-serial");
  seed_add (&seed, FUZZ_PORT_ROUTER, echo (&r1_mac, &outside, 0, 0x0a000005, FUZZ_PC0, 64));
  seed_write (&seed, dir, "ping-routed-to-vlan10");
  seed_add (&seed, FUZZ_PORT_ROUTER, echo (&r1_mac, &outside, 0, 0x0a000005, FUZZ_R2_SE, 1));
  seed_write (&seed, dir, "ping-ttl-expires");
  seed_add (&seed, FUZZ_PORT_ROUTER, echo (&r1_mac, &outside, 0, 0x0a000005, 0xc0a80101, 64));
  seed_write (&seed, dir, "ping-no-route");
  seed_add (&seed, FUZZ_PORT_ROUTER, echo (bc, &outside, 0, 0x0a000005, 0x0a0000ff, 64));
  seed_write (&seed, dir, "ping-broadcast");
  seed_add (&seed, FUZZ_PORT_SWITCH, echo (&pc_mac, &r1_mac, FUZZ_VLAN, FUZZ_R1_FA00_10, FUZZ_PC0, 255));
  seed_write (&seed, dir, "ping-pc-through-trunk");
  seed_add (&seed, FUZZ_PORT_PC, echo (&pc_mac, &outside, 0, 0x0a000a09, FUZZ_PC0, 128));
  seed_write (&seed, dir, "ping-pc");
  seed_add (&seed, FUZZ_PORT_PC, echo (&r1_mac, &pc_mac, 0, FUZZ_PC0, FUZZ_R1_FA00_10, 128));
  seed_write (&seed, dir, "ping-from-pc-side");

  /* UDP: to closed ports (port unreachable), through the router. */
  seed_add (&seed, FUZZ_PORT_ROUTER, udp (&r1_mac, &outside, 0, 0x0a000005, FUZZ_R1_FA00, 33434));
  seed_write (&seed, dir, "udp-router");
  seed_add (&seed, FUZZ_PORT_PC, udp (&pc_mac, &outside, 0, 0x0a000a09, FUZZ_PC0, 33434));
  seed_write (&seed, dir, "udp-pc");
  seed_add (&seed, FUZZ_PORT_ROUTER, udp (&r1_mac, &outside, FUZZ_VLAN, 0x0a000a07, FUZZ_R2_SE, 53));
  seed_write (&seed, dir, "udp-routed");

  /* ICMP errors coming back to a host, quoting its datagram. */
  {
    g_autoptr(CordFrame) probe = udp (&outside, &pc_mac, 0, FUZZ_PC0, FUZZ_R2_SE, 33434);
    CordFrameIpv4Params p = ip_params (&pc_mac, &r1_mac, 0, FUZZ_R1_FA00_10, FUZZ_PC0, 255);

    seed_add (&seed, FUZZ_PORT_PC,
              cord_frame_build_icmp_time_exceeded (&p, CORD_FRAME_TIME_EXCEEDED_TTL,
                                                   probe->data + CORD_FRAME_ETH_HLEN,
                                                   probe->len - CORD_FRAME_ETH_HLEN));
    seed_add (&seed, FUZZ_PORT_PC,
              cord_frame_build_icmp_dest_unreachable (&p, CORD_FRAME_UNREACH_PORT,
                                                      probe->data + CORD_FRAME_ETH_HLEN,
                                                      probe->len - CORD_FRAME_ETH_HLEN));
    seed_write (&seed, dir, "icmp-errors-pc");
  }
  {
    CordFrameIpv4Params p = ip_params (&pc_mac, &r1_mac, 0, FUZZ_R1_FA00_10, FUZZ_PC0, 255);

    seed_add (&seed, FUZZ_PORT_PC, cord_frame_build_icmp_echo_reply (&p, 1, 1, NULL, 0));
    seed_write (&seed, dir, "echo-reply-unasked");
  }

  /* 802.1Q: the native VLAN, a VLAN the switch does not have, a tag on
   * an access-side frame, a double tag. */
  seed_add (&seed, FUZZ_PORT_SWITCH,
            cord_frame_build_arp_request (&r1_mac, 0, FUZZ_R1_FA00, 0x0a000002));
  seed_write (&seed, dir, "trunk-native");
  seed_add (&seed, FUZZ_PORT_SWITCH, echo (bc, &r1_mac, 99, FUZZ_R1_FA00_10, FUZZ_PC0, 64));
  seed_write (&seed, dir, "trunk-unknown-vlan");
  seed_add (&seed, FUZZ_PORT_PC, echo (&pc_mac, &outside, FUZZ_VLAN, 0x0a000a09, FUZZ_PC0, 64));
  seed_write (&seed, dir, "tag-at-pc");
  seed_add (&seed, FUZZ_PORT_SWITCH,
            double_tagged (echo (&pc_mac, &r1_mac, FUZZ_VLAN, FUZZ_R1_FA00_10, FUZZ_PC0, 64), FUZZ_VLAN));
  seed_add (&seed, FUZZ_PORT_ROUTER,
            double_tagged (echo (&r1_mac, &outside, FUZZ_VLAN, 0x0a000a07, FUZZ_R1_FA00_10, 64), FUZZ_VLAN));
  seed_write (&seed, dir, "double-tag");

  /* Cisco HDLC on the serial line: to R1, routed through R1 to the PC, a
   * broadcast, a SLARP keepalive. */
  seed_add (&seed, FUZZ_PORT_SERIAL,
            hdlc (echo (&r1_mac, &r2_mac, 0, FUZZ_R2_SE, FUZZ_R1_SE, 255), 0x0f));
  seed_write (&seed, dir, "hdlc-ping-r1");
  seed_add (&seed, FUZZ_PORT_SERIAL,
            hdlc (echo (&r1_mac, &r2_mac, 0, FUZZ_R2_SE, FUZZ_PC0, 255), 0x0f));
  seed_write (&seed, dir, "hdlc-ping-routed");
  seed_add (&seed, FUZZ_PORT_SERIAL,
            hdlc (udp (&r1_mac, &r2_mac, 0, FUZZ_R2_SE, 0x0a000c03, 520), 0x8f));
  seed_write (&seed, dir, "hdlc-broadcast");
  {
    static const guint8 slarp[] = {
      0x8f, 0x00, 0x80, 0x35,   /* broadcast, SLARP */
      0x00, 0x00, 0x00, 0x02,   /* keepalive */
      0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x06, 0xff, 0xff,
    };

    seed_add_raw (&seed, FUZZ_PORT_SERIAL, slarp, sizeof slarp);
    seed_write (&seed, dir, "hdlc-slarp");
  }

  /* Broken frames: a runt, a giant, a bad IPv4 checksum, a header length
   * past the end, a fragment, a total length that lies, ARP with odd
   * sizes. */
  {
    static const guint8 runt[10] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02 };
    guint8 giant[CORD_FRAME_MAX_LEN + 1];

    memset (giant, 0xab, sizeof giant);
    seed_add_raw (&seed, FUZZ_PORT_SWITCH, runt, sizeof runt);
    seed_add_raw (&seed, FUZZ_PORT_ROUTER, giant, sizeof giant);
    seed_add_raw (&seed, FUZZ_PORT_PC, runt, sizeof runt);
    seed_add_raw (&seed, FUZZ_PORT_SERIAL, runt, 3);
    seed_write (&seed, dir, "runt-and-giant");
  }
  seed_add (&seed, FUZZ_PORT_ROUTER,
            patched (echo (&r1_mac, &outside, 0, 0x0a000005, FUZZ_R1_FA00, 64), 24, 0x00));
  seed_write (&seed, dir, "ipv4-bad-checksum");
  seed_add (&seed, FUZZ_PORT_ROUTER,
            patched (echo (&r1_mac, &outside, 0, 0x0a000005, FUZZ_R1_FA00, 64), 14, 0x4f));
  seed_write (&seed, dir, "ipv4-ihl-15");
  seed_add (&seed, FUZZ_PORT_ROUTER,
            patched (echo (&r1_mac, &outside, 0, 0x0a000005, FUZZ_R1_FA00, 64), 20, 0x20));
  seed_write (&seed, dir, "ipv4-fragment");
  seed_add (&seed, FUZZ_PORT_PC,
            patched (echo (&pc_mac, &outside, 0, 0x0a000a09, FUZZ_PC0, 64), 16, 0xff));
  seed_write (&seed, dir, "ipv4-total-length-lies");
  seed_add (&seed, FUZZ_PORT_ROUTER,
            patched (cord_frame_build_arp_request (&outside, 0, 0x0a000005, FUZZ_R1_FA00), 18, 0x07));
  seed_write (&seed, dir, "arp-odd-hlen");

  /* Everything at once, in an order that builds state: ARP, then pings
   * every way, then errors. */
  seed_add (&seed, FUZZ_PORT_SWITCH,
            cord_frame_build_arp_request (&r1_mac, FUZZ_VLAN, FUZZ_R1_FA00_10, FUZZ_PC0));
  seed_add (&seed, FUZZ_PORT_ROUTER,
            cord_frame_build_arp_request (&outside, 0, 0x0a000005, FUZZ_R1_FA00));
  seed_add (&seed, FUZZ_PORT_PC, echo (&pc_mac, &outside, 0, 0x0a000a09, FUZZ_PC0, 128));
  seed_add (&seed, FUZZ_PORT_SERIAL,
            hdlc (echo (&r1_mac, &r2_mac, 0, FUZZ_R2_SE, FUZZ_PC0, 255), 0x0f));
  seed_add (&seed, FUZZ_PORT_SWITCH, echo (&pc_mac, &r1_mac, FUZZ_VLAN, FUZZ_R1_FA00_10, FUZZ_PC0, 255));
  seed_add (&seed, FUZZ_PORT_ROUTER, echo (&r1_mac, &outside, 0, 0x0a000005, FUZZ_R2_SE, 64));
  seed_add (&seed, FUZZ_PORT_PC, udp (&pc_mac, &outside, 0, 0x0a000a09, FUZZ_PC0, 33434));
  seed_add (&seed, FUZZ_PORT_SERIAL,
            hdlc (udp (&r1_mac, &r2_mac, 0, FUZZ_R2_SE, FUZZ_R1_SE, 33434), 0x0f));
  seed_write (&seed, dir, "mixed");

  g_byte_array_unref (seed.bytes);
  return 0;
}
