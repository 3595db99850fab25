/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A writer for classic nanosecond pcap files of Ethernet frames. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CORD_PCAP_MAGIC_NSEC     0xa1b23c4du
#define CORD_PCAP_VERSION_MAJOR  2u
#define CORD_PCAP_VERSION_MINOR  4u
#define CORD_PCAP_SNAPLEN        65535u
#define CORD_PCAP_LINKTYPE_ETHERNET 1u
#define CORD_PCAP_LINKTYPE_C_HDLC   104u
#define CORD_PCAP_GLOBAL_HLEN    24u
#define CORD_PCAP_RECORD_HLEN    16u

typedef struct _CordPcapWriter CordPcapWriter;

/* All failures are G_IO_ERROR, coded from errno, naming the file. */
CordPcapWriter *cord_pcap_writer_new   (const char      *path,
                                        GError         **error);
/* As cord_pcap_writer_new, for another link type (Cisco HDLC on serial
 * links). */
CordPcapWriter *cord_pcap_writer_new_full (const char   *path,
                                        guint32          linktype,
                                        GError         **error);
gboolean        cord_pcap_writer_write (CordPcapWriter  *writer,
                                        guint64          time_ns,
                                        const guint8    *data,
                                        gsize            len,
                                        GError         **error);
gboolean        cord_pcap_writer_flush (CordPcapWriter  *writer,
                                        GError         **error);
gboolean        cord_pcap_writer_close (CordPcapWriter  *writer,
                                        GError         **error);
void            cord_pcap_writer_free  (CordPcapWriter  *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CordPcapWriter, cord_pcap_writer_free)

G_END_DECLS
