/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hub-PT: a repeater that sends every frame out of every other port. */
#include "config.h"

#include "sim-private.h"

static void
hub_receive (CordSimDevice      *dev,
             CordSimPort        *port,
             CordFrame          *frame,
             const CordL2Header *l2)
{
  g_assert (dev != NULL && port != NULL);

  /* A hub knows nothing of addresses: it repeats bits. */
  for (guint i = 0; i < dev->ports->len; i++)
    {
      CordSimPort *out = dev->ports->pdata[i];

      if (out != port && out->line_up)
        _cord_sim_port_send (out, frame);
    }
}

static void
hub_free (CordSimDevice *dev)
{
}

const CordSimDeviceOps _cord_hub_ops = {
  .receive = hub_receive,
  .free = hub_free,
};
